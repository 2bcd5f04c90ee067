package org.linyunzhi.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.internal.BoardPeriod.Range;

/** How a board period is cut into whole months (month counters) and edge days (day counters). */
class BoardPeriodTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void noPeriodIsEveryMonth() {
        assertThat(BoardPeriod.of(null, null)).isEqualTo(new BoardPeriod(null, null, new Range(null, null), List.of()));
    }

    @Test
    void wholeMonthsNeedNoDays() {
        BoardPeriod p = BoardPeriod.of(d("2026-09-01"), d("2026-11-30"));
        assertThat(p.months()).isEqualTo(new Range(d("2026-09-01"), d("2026-12-01")));
        assertThat(p.days()).isEmpty();
    }

    @Test
    void theDaysAroundWholeMonthsAreReadByDay() {
        BoardPeriod p = BoardPeriod.of(d("2026-08-20"), d("2026-11-04"));
        assertThat(p.months()).isEqualTo(new Range(d("2026-09-01"), d("2026-11-01")));
        assertThat(p.days()).containsExactly(new Range(d("2026-08-20"), d("2026-09-01")),
                new Range(d("2026-11-01"), d("2026-11-05")));
    }

    @Test
    void openEndsKeepWholeMonthsOnTheirSide() {
        assertThat(BoardPeriod.of(d("2026-11-15"), null)).isEqualTo(new BoardPeriod(d("2026-11-15"), null,
                new Range(d("2026-12-01"), null), List.of(new Range(d("2026-11-15"), d("2026-12-01")))));
        assertThat(BoardPeriod.of(null, d("2026-11-15"))).isEqualTo(new BoardPeriod(null, d("2026-11-16"),
                new Range(null, d("2026-11-01")), List.of(new Range(d("2026-11-01"), d("2026-11-16")))));
    }

    @Test
    void lessThanAWholeMonthIsDaysOnly() {
        assertThat(BoardPeriod.of(d("2026-11-15"), d("2026-12-10")).months()).isNull();
        assertThat(BoardPeriod.of(d("2026-11-15"), d("2026-12-10")).days())
                .containsExactly(new Range(d("2026-11-15"), d("2026-12-11")));
        assertThat(BoardPeriod.of(d("2026-12-01"), d("2026-12-01")).days())
                .containsExactly(new Range(d("2026-12-01"), d("2026-12-02")));
    }

    @Test
    void anInvertedPeriodIsEmpty() {
        BoardPeriod p = BoardPeriod.of(d("2026-11-20"), d("2026-11-10"));
        assertThat(p.months()).isNull();
        assertThat(p.days()).isEmpty();
    }
}
