package org.linyunzhi.registry.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Real .xlsx files for the import tests: the downloaded template with rows written into it by POI. */
final class Sheets {

    private Sheets() {
    }

    /** The template's bytes with these rows below its header; numbers stay numbers, text stays text. */
    static byte[] fill(byte[] template, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.getSheetAt(0);
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A template with a single cell far below the header: a sheet claiming that many rows. */
    static byte[] withLastRow(byte[] template, int lastRow) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getSheetAt(0).createRow(lastRow).createCell(0).setCellValue("x");
            book.write(out);
            return out.toByteArray();
        }
    }
}
