package org.linyunzhi.task.internal.calendar;

import org.linyunzhi.task.BusinessCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business calendar's parts. Declared here rather than scanned so that a test or a tool can
 * start the calendar (and the deadline timers built on it) without the rest of the platform.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

    @Bean
    WorkingHours workingHours(CalendarProperties properties) {
        return properties.toWorkingHours();
    }

    @Bean
    CalendarDays calendarDays(JdbcClient jdbc) {
        return new CalendarDays(jdbc);
    }

    @Bean
    CalendarCache calendarCache(JdbcClient jdbc, WorkingHours hours, CalendarDays days, CalendarProperties properties) {
        return new CalendarCache(jdbc, hours, days, properties.refresh());
    }

    @Bean
    BusinessCalendar businessCalendar(CalendarCache cache) {
        return new CachedBusinessCalendar(cache);
    }

    @Bean
    CalendarEditing calendarEditing(CalendarDays days, CalendarCache cache, WorkingHours hours) {
        return new CalendarEditing(days, cache, hours);
    }

    @Bean
    CalendarFile calendarFile(WorkingHours hours) {
        return new CalendarFile(hours);
    }
}
