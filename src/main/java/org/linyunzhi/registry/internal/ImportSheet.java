package org.linyunzhi.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;

/**
 * The first sheet of an uploaded workbook as rows of text, after checking that it is an .xlsx
 * (not an old .xls, not a renamed file), that its header is the template's, and that it is not
 * larger than the registry takes at once.
 */
final class ImportSheet {

    /** A data row: its number as Excel shows it (the header is row 1) and its cells as trimmed text. */
    record SheetRow(int number, List<String> cells) {
        String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    private ImportSheet() {
    }

    /**
     * @param headerOf the header a column has in a locale (from the message bundle)
     */
    static List<SheetRow> read(byte[] file, ImportKind kind, int maxRows, Function<Locale, List<String>> headerOf) {
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K') {
            boolean oldExcel = file.length >= 4 && (file[0] & 0xFF) == 0xD0 && (file[1] & 0xFF) == 0xCF;
            throw new ImportRefused(HttpStatus.BAD_REQUEST, oldExcel ? "registry.import.oldExcel" : "registry.import.notXlsx");
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            int last = sheet.getLastRowNum();
            if (last > maxRows) {
                throw new ImportRefused(HttpStatus.CONTENT_TOO_LARGE, "registry.import.tooManyRows", last, maxRows);
            }
            DataFormatter format = new DataFormatter(Locale.ROOT);
            checkHeader(sheet.getRow(0), kind, format, headerOf);
            List<SheetRow> rows = new ArrayList<>(last);
            for (int r = 1; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>(kind.columns().size());
                boolean blank = true;
                for (int c = 0; c < kind.columns().size(); c++) {
                    String text = row == null ? "" : text(row.getCell(c), format);
                    blank &= text.isEmpty();
                    cells.add(text);
                }
                if (!blank) {
                    rows.add(new SheetRow(r + 1, cells));
                }
            }
            return rows;
        } catch (ImportRefused refused) {
            throw refused;
        } catch (IOException | RuntimeException e) {
            // POI answers a damaged or disguised file with many exception types; all mean "not a workbook we can read"
            throw new ImportRefused(HttpStatus.BAD_REQUEST, "registry.import.notXlsx");
        }
    }

    private static void checkHeader(Row header, ImportKind kind, DataFormatter format,
                                    Function<Locale, List<String>> headerOf) {
        List<String> found = new ArrayList<>();
        for (int c = 0; c < kind.columns().size(); c++) {
            found.add(header == null ? "" : normal(text(header.getCell(c), format)));
        }
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            if (headerOf.apply(locale).stream().map(ImportSheet::normal).toList().equals(found)) {
                return;
            }
        }
        throw new ImportRefused(HttpStatus.BAD_REQUEST, "registry.import.notTemplate");
    }

    private static String normal(String header) {
        return header.replace("*", "").replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }

    /** Numbers keep every digit they have (no display rounding of coordinates); everything else as shown. */
    private static String text(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return format.formatCellValue(cell).strip();
    }
}
