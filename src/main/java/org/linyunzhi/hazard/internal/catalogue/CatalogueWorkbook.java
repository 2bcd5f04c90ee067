package org.linyunzhi.hazard.internal.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The catalogue as an .xlsx workbook: one sheet, a header row, one category a row in a fixed column
 * order (code, name, default level, department, time limit in working days, description, active).
 * The export is a valid import, so a town edits its catalogue in Excel and brings it back; the
 * template is the same sheet with one example row.
 */
@Component
class CatalogueWorkbook {

    static final String[] COLUMNS = {"code", "name", "level", "department", "days", "description", "active"};
    /** A catalogue has a few hundred rows; anything far beyond is not a catalogue. */
    static final int MAX_ROWS = 5000;

    private final MessageSource messages;

    CatalogueWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /** A row read from a file: its 1-based sheet row number and the draft it holds. */
    record Line(int row, CategoryRules.Draft draft) {
    }

    void write(List<Category> categories, Locale locale, OutputStream out) throws IOException {
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(messages.getMessage("hazard.catalogue.sheet", null, "catalogue", locale));
            header(book, sheet, locale);
            int r = 1;
            for (Category c : categories) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.code());
                row.createCell(1).setCellValue(c.name());
                row.createCell(2).setCellValue(c.defaultLevel().number());
                row.createCell(3).setCellValue(c.department());
                row.createCell(4).setCellValue(c.timeLimitDays());
                row.createCell(5).setCellValue(c.description() == null ? "" : c.description());
                row.createCell(6).setCellValue(messages.getMessage(c.active() ? "hazard.catalogue.yes"
                        : "hazard.catalogue.no", null, locale));
            }
            int[] widths = {12, 30, 10, 16, 12, 60, 8};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
        }
    }

    private void header(Workbook book, Sheet sheet, Locale locale) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row head = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.length; i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(messages.getMessage("hazard.catalogue.column." + COLUMNS[i], null, COLUMNS[i], locale));
            cell.setCellStyle(bold);
        }
    }

    /**
     * The rows of the first sheet below the header; blank rows are skipped. Every cell is read as the
     * text Excel shows, so a number typed as text and a number cell read the same.
     *
     * @throws IOException when the file is not a readable workbook
     */
    List<Line> read(InputStream in) throws IOException {
        List<Line> lines = new ArrayList<>();
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] cells = new String[COLUMNS.length];
                boolean blank = true;
                for (int i = 0; i < COLUMNS.length; i++) {
                    Cell cell = row.getCell(i);
                    cells[i] = cell == null ? null : format.formatCellValue(cell);
                    blank &= cells[i] == null || cells[i].isBlank();
                }
                if (blank) {
                    continue;
                }
                if (lines.size() >= MAX_ROWS) {
                    throw new IOException("more than " + MAX_ROWS + " rows");
                }
                lines.add(new Line(r + 1, new CategoryRules.Draft(cells[0], cells[1], cells[2], cells[3], cells[4],
                        cells[5], cells[6])));
            }
        } catch (RuntimeException e) {
            // POI answers a damaged or foreign file with assorted runtime exceptions
            throw new IOException("not a readable workbook: " + e.getMessage(), e);
        }
        return lines;
    }
}
