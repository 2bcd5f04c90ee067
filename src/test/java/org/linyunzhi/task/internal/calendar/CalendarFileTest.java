package org.linyunzhi.task.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The year-list upload: what it accepts, and that every wrong line is named. */
class CalendarFileTest {

    private final CalendarFile file = new CalendarFile(CalendarRulesTest.DEFAULT_HOURS);

    @Test
    void readsDatesKindsAndNamesInTheUsualSpellings() throws Exception {
        String text = "\uFEFF# 2027\n2027-01-01,HOLIDAY,元旦\n2027/2/6\t班\t春节调休上班\n\n2027年2月7日，休，春节  # comment\n";
        List<SpecialDay> days = file.read(2027, text.getBytes(StandardCharsets.UTF_8));
        assertThat(days).containsExactly(
                new SpecialDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
                new SpecialDay(LocalDate.of(2027, 2, 6), DayKind.WORKDAY, "春节调休上班"),
                new SpecialDay(LocalDate.of(2027, 2, 7), DayKind.HOLIDAY, "春节"));
    }

    @Test
    void readsTheChineseWindowsEncodingExcelSavesCsvIn() throws Exception {
        byte[] gbk = "2027-01-01,休,元旦\n".getBytes(Charset.forName("GB18030"));
        assertThat(file.read(2027, gbk)).containsExactly(new SpecialDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "元旦"));
    }

    @Test
    void namesEveryWrongLineAndStoresNothing() {
        String text = """
                2027-01-01,HOLIDAY,元旦
                2027-02-30,HOLIDAY,nonsense
                2026-12-31,HOLIDAY,last year
                2027-01-01,HOLIDAY,again
                2027-03-01,MAYBE,kind
                2027-03-02,HOLIDAY,
                2027-03-03,WORKDAY,a Wednesday
                just some text
                """;
        CalendarFile.Rejected rejected = catchThrowableOfType(CalendarFile.Rejected.class,
                () -> file.read(2027, text.getBytes(StandardCharsets.UTF_8)));
        assertThat(rejected.problems()).extracting(CalendarFile.Problem::line, CalendarFile.Problem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "taskcal.import.date"),
                org.assertj.core.groups.Tuple.tuple(3, "taskcal.import.otherYear"),
                org.assertj.core.groups.Tuple.tuple(4, "taskcal.import.twice"),
                org.assertj.core.groups.Tuple.tuple(5, "taskcal.import.kind"),
                org.assertj.core.groups.Tuple.tuple(6, "taskcal.import.name"),
                org.assertj.core.groups.Tuple.tuple(7, "taskcal.import.rule"),
                org.assertj.core.groups.Tuple.tuple(8, "taskcal.import.fields"));
    }

    @Test
    void refusesEmptyAndOversizedFiles() {
        assertThat(catchThrowableOfType(CalendarFile.Rejected.class, () -> file.read(2027, new byte[0])).problems())
                .extracting(CalendarFile.Problem::code).containsExactly("taskcal.import.empty");
        assertThat(catchThrowableOfType(CalendarFile.Rejected.class,
                () -> file.read(2027, "# only a comment\n".getBytes(StandardCharsets.UTF_8))).problems())
                .extracting(CalendarFile.Problem::code).containsExactly("taskcal.import.empty");
        assertThat(catchThrowableOfType(CalendarFile.Rejected.class,
                () -> file.read(2027, new byte[CalendarFile.MAX_BYTES + 1])).problems())
                .extracting(CalendarFile.Problem::code).containsExactly("taskcal.import.tooLarge");
    }
}
