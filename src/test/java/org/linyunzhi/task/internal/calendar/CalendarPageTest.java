package org.linyunzhi.task.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linyunzhi.identity.CurrentUser;
import org.linyunzhi.identity.DataScope;
import org.linyunzhi.task.BusinessCalendar;
import org.linyunzhi.testsupport.AsUser;
import org.linyunzhi.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * /task/calendar on the whole platform: the seeded 2026 bridges, adding and removing a date, a
 * year's import, what bad input answers, who may do what, and that a change reaches the deadline
 * computations of this node at once and of another node within its refresh interval. Edits use
 * years no other test touches.
 */
@IntegrationTest
@AutoConfigureMockMvc
class CalendarPageTest {

    static final CurrentUser KEEPER = AsUser.user("calendar.keeper", DataScope.all(), "task:calendar:view", "task:calendar:edit");
    static final CurrentUser VIEWER = AsUser.user("calendar.viewer", DataScope.all(), "task:calendar:view");
    static final CurrentUser NOBODY = AsUser.user("calendar.nobody", DataScope.all(), "grid:node:view");

    @Autowired
    MockMvc mvc;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingHours hours;

    @Test
    void theYearShowsTheSeededHolidaysAndMakeUpDays() throws Exception {
        mvc.perform(get("/task/calendar").param("year", "2026").with(AsUser.as(VIEWER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年节假日与调休")))
                .andExpect(content().string(containsString("国庆节调休上班")))
                .andExpect(content().string(containsString("2026-10-10")))
                // the viewer sees no edit forms
                .andExpect(content().string(not(containsString("/task/calendar/import"))));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("春节 make-up Saturday").isTrue();
        // 261 weekdays, 19 of them listed days off, and 6 make-up weekend days: 248 working days
        mvc.perform(get("/task/calendar").param("year", "2026").with(AsUser.as(VIEWER)))
                .andExpect(content().string(containsString("<div class=\"num\">248</div>")));
    }

    @Test
    void addingAndRemovingADateChangesDeadlinesHereAtOnceAndOnAnotherNodeWithinItsInterval() throws Exception {
        LocalDate monday = LocalDate.of(2031, 3, 3);
        // a second cache on the same database stands for another application node
        CalendarCache otherNode = new CalendarCache(jdbc, hours, new CalendarDays(jdbc), Duration.ofMillis(200));
        assertThat(otherNode.rules().isWorkingDay(monday)).isTrue();

        mvc.perform(post("/task/calendar/days").param("date", "2031-03-03").param("kind", "HOLIDAY").param("name", "Flood day")
                        .with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/task/calendar?year=2031"));
        assertThat(calendar.isWorkingDay(monday)).as("this node, right after the commit").isFalse();
        Thread.sleep(250);
        assertThat(otherNode.rules().isWorkingDay(monday)).as("the other node, after its interval").isFalse();
        mvc.perform(get("/task/calendar").param("year", "2031").with(AsUser.as(KEEPER)))
                .andExpect(content().string(containsString("Flood day")));

        mvc.perform(post("/task/calendar/days/{date}/delete", "2031-03-03").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        mvc.perform(post("/task/calendar/days/{date}/delete", "2031-03-03").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/task/calendar/days/{date}/delete", "yesterday").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void badInputComesBackAsTypedWithTheReasonBesideTheField() throws Exception {
        mvc.perform(post("/task/calendar/days").param("date", "2031-02-30").param("kind", "HOLIDAY").param("name", "x")
                        .param("lang", "en").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a date.")))
                .andExpect(content().string(containsString("value=\"2031-02-30\"")));
        // Wednesday is worked anyway: it cannot be a make-up working day
        mvc.perform(post("/task/calendar/days").param("date", "2031-03-05").param("kind", "WORKDAY").param("name", "typo")
                        .param("lang", "en").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is a working day anyway")));
        mvc.perform(post("/task/calendar/days").param("date", "2031-03-08").param("kind", "SOMETIMES").param("name", "")
                        .param("lang", "en").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a kind.")))
                .andExpect(content().string(containsString("Enter a name")));
        mvc.perform(post("/task/calendar/days").param("date", "2026-10-01").param("kind", "HOLIDAY").param("name", "again")
                        .param("lang", "en").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("listed already")));
        mvc.perform(get("/task/calendar").param("year", "1999").with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM task_calendar_day WHERE name IN ('x', 'typo', 'again')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aYearIsImportedWholeOrNotAtAll() throws Exception {
        MockMultipartFile wrong = new MockMultipartFile("file", "2032.csv", "text/csv",
                "2032-01-01,HOLIDAY,New Year\n2032-13-01,HOLIDAY,bad\n2031-12-31,HOLIDAY,last year\n"
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/task/calendar/import").file(wrong).param("year", "2032")
                        .param("lang", "en").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Line 2: &quot;2032-13-01&quot; is not a date")))
                .andExpect(content().string(containsString("Line 3: 2031-12-31 is not in 2032.")));
        assertThat(jdbc.sql("SELECT count(*) FROM task_calendar_day WHERE day >= '2032-01-01' AND day < '2033-01-01'")
                .query(Long.class).single()).isZero();

        MockMultipartFile right = new MockMultipartFile("file", "2032.csv", "text/csv",
                "# 2032\n2032-01-01,休,元旦\n2032-01-02,HOLIDAY,元旦\n2032-01-04,班,元旦调休上班\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/task/calendar/import").file(right).param("year", "2032").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 1, 4))).as("a Sunday made a working day").isTrue();

        // a second import replaces the year's list
        MockMultipartFile replacement = new MockMultipartFile("file", "2032.csv", "text/csv",
                "2032-01-01,HOLIDAY,元旦\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/task/calendar/import").file(replacement).param("year", "2032").with(csrf()).with(AsUser.as(KEEPER)))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 1, 4))).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM task_calendar_day WHERE day >= '2032-01-01' AND day < '2033-01-01'")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void onlyKeepersChangeTheCalendarAndOnlyViewersSeeIt() throws Exception {
        mvc.perform(get("/task/calendar").with(AsUser.as(NOBODY))).andExpect(status().isForbidden());
        mvc.perform(post("/task/calendar/days").param("date", "2031-04-07").param("kind", "HOLIDAY").param("name", "no")
                        .with(csrf()).with(AsUser.as(VIEWER)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/task/calendar/days/{date}/delete", "2026-10-01").with(csrf()).with(AsUser.as(VIEWER)))
                .andExpect(status().isForbidden());
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 4, 7))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    }
}
