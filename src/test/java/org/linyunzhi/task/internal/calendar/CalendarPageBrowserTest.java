package org.linyunzhi.task.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linyunzhi.task.BusinessCalendar;
import org.linyunzhi.testsupport.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The calendar page in Chromium as the demo department officer keeps it, on a phone. */
class CalendarPageBrowserTest extends BrowserTest {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void anOfficerAddsADayOffOnAPhone() {
        Page page = logIn(phone(), "officer", "Linpu@2026");
        page.navigate(url("/task/calendar?year=2033"));
        assertThat(page.locator("h1").textContent()).contains("2033");
        assertThat(page.locator(".cal-month")).satisfies(months -> assertThat(months.count()).isEqualTo(12));
        // nothing wider than the phone: the month sheets wrap to one a row
        assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(PHONE_WIDTH);

        page.fill("#date", "2033-06-06");
        page.selectOption("#kind", "HOLIDAY");
        page.fill("#name", "Typhoon day");
        page.click("#add button[type=submit]");
        page.waitForLoadState();
        assertThat(page.locator(".alert.ok").textContent()).contains("2033-06-06");
        assertThat(page.locator("#listed").textContent()).contains("Typhoon day");
        assertThat(page.locator("td.holiday[title='Typhoon day']").count()).isEqualTo(1);
        assertThat(calendar.isWorkingDay(LocalDate.of(2033, 6, 6))).isFalse();
        screenshot(page, "task-calendar-phone");

        page.navigate(url("/task/calendar?year=2026"));
        page.setViewportSize(1280, 860);
        screenshot(page, "task-calendar-2026-desktop");
    }
}
