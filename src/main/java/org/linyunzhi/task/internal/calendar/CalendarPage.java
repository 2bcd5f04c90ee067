package org.linyunzhi.task.internal.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.linyunzhi.audit.Audited;
import org.linyunzhi.task.BusinessCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /task/calendar: a year of the holiday calendar as month sheets and as a list, with forms to add
 * and remove dates and to import a year's list. Saves follow post-redirect-get; a form with
 * mistakes comes back as typed with the message beside the field and status 400.
 */
@Controller
@RequestMapping("/task/calendar")
class CalendarPage {

    static final String VIEW = "task/calendar/year";
    /** Years the page accepts: wide enough for any deadline, narrow enough to catch a typo. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final CalendarDays days;
    private final CalendarEditing editing;
    private final CalendarFile calendarFile;
    private final WorkingHours hours;
    private final BusinessCalendar calendar;
    
    CalendarPage(CalendarDays days, CalendarEditing editing, CalendarFile calendarFile, BusinessCalendar calendar,
                 WorkingHours hours) {
        this.days = days;
        this.editing = editing;
        this.calendarFile = calendarFile;
        this.hours = hours;
        this.calendar = calendar;
            }

    /** The add form as typed: strings, so that a wrong value comes back to the user unchanged. */
    static final class DayForm {
        private String date = "";
        private String kind = DayKind.HOLIDAY.name();
        private String name = "";

        public String getDate() {
            return date;
        }

        public void setDate(String date) {
            this.date = date == null ? "" : date.strip();
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind == null ? "" : kind.strip();
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name.strip();
        }
    }

    @GetMapping
    @PreAuthorize("hasAuthority('task:calendar:view')")
    String year(@RequestParam(required = false) Integer year, Model model) {
        int shown = requireSupported(year != null ? year : LocalDate.now(hours.zone()).getYear());
        List<SpecialDay> listed = days.ofYear(shown);
        model.addAttribute("sheet", YearSheet.of(shown, listed, calendar));
        model.addAttribute("listed", listed);
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("today", LocalDate.now(hours.zone()));
        if (!model.containsAttribute("dayForm")) {
            model.addAttribute("dayForm", new DayForm());
        }
        return VIEW;
    }

    @PostMapping("/days")
    @PreAuthorize("hasAuthority('task:calendar:edit')")
    @Audited("task.calendar.add")
    String add(@ModelAttribute("dayForm") DayForm form, Model model, RedirectAttributes flash,
               HttpServletResponse response) {
        LocalDate date = parseDate(form.getDate());
        DayKind kind = parseKind(form.getKind());
        String dateError = date == null ? "taskcal.error.date" : null;
        String kindError = kind == null ? "taskcal.error.kind" : null;
        String nameError = form.getName().isEmpty() || form.getName().length() > CalendarEditing.NAME_MAX
                ? "taskcal.error.name" : null;
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            dateError = "taskcal.error.dateRange";
        }
        if (dateError == null && kindError == null && nameError == null) {
            SpecialDay day = new SpecialDay(date, kind, form.getName());
            String objection = hours.objectionTo(day).orElse(null);
            if (objection != null) {
                kindError = objection;
            } else if (!editing.add(day)) {
                dateError = "taskcal.error.listed";
            } else {
                flash.addFlashAttribute("added", date.toString());
                return "redirect:/task/calendar?year=" + date.getYear();
            }
        }
        model.addAttribute("dateError", dateError);
        model.addAttribute("kindError", kindError);
        model.addAttribute("nameError", nameError);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return year(date != null && dateError == null ? date.getYear() : null, model);
    }

    @PostMapping("/days/{date}/delete")
    @PreAuthorize("hasAuthority('task:calendar:edit')")
    @Audited("task.calendar.remove")
    String remove(@PathVariable String date, RedirectAttributes flash) {
        LocalDate day = parseDate(date);
        if (day == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a date: " + date);
        }
        if (!editing.remove(day)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, day + " is not in the holiday calendar");
        }
        flash.addFlashAttribute("removed", day.toString());
        return "redirect:/task/calendar?year=" + day.getYear();
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('task:calendar:edit')")
    @Audited("task.calendar.import")
    String importYear(@RequestParam int year, @RequestParam(required = false) MultipartFile file, Model model,
                      RedirectAttributes flash, HttpServletResponse response) throws IOException {
        requireSupported(year);
        try {
            List<SpecialDay> imported = calendarFile.read(year, readBounded(file));
            editing.replaceYear(year, imported);
            flash.addFlashAttribute("imported", imported.size());
            return "redirect:/task/calendar?year=" + year;
        } catch (CalendarFile.Rejected e) {
            model.addAttribute("importProblems", e.problems());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return year(year, model);
        }
    }

    private static int requireSupported(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ": " + year);
        }
        return year;
    }

    /** Reads at most one byte past the limit, so an oversized upload is refused without being held. */
    private static byte[] readBounded(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(CalendarFile.MAX_BYTES + 1);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DayKind parseKind(String text) {
        for (DayKind k : DayKind.values()) {
            if (k.name().equals(text)) {
                return k;
            }
        }
        return null;
    }
}
