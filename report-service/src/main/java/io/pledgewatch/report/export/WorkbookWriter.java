package io.pledgewatch.report.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a briefing's tables as an xlsx workbook (fastexcel: a small, maintained streaming writer without POI's
 * dependency tree). The first sheet says what the workbook is (title, as-of and cut-off as dates, rule sets,
 * sources); then one sheet per table, its header row bold and frozen, numbers as numbers, percentages as
 * fractions shown with a % format (5.38% is the number 0.0538), amounts with thousands separators.
 */
public final class WorkbookWriter {

    static final String PERCENT = "0.00%";
    static final String MONEY = "#,##0";
    static final String NUMBER = "#,##0.00";
    // No quoted literals in formats: fastexcel writes them into XML attributes unescaped.
    static final String DATE = "yyyy-mm-dd hh:mm";

    public byte[] write(BriefingTables tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (Workbook wb = new Workbook(out, "Pledgewatch", "1.0")) {
            wb.properties().setTitle(tables.about().title());
            about(wb.newWorksheet("About"), tables.about());
            for (BriefingTables.Table t : tables.tables()) {
                sheet(wb.newWorksheet(t.title()), t);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void about(Worksheet ws, BriefingTables.About a) {
        ws.value(0, 0, a.title());
        ws.style(0, 0).bold().fontSize(14).set();
        int r = 2;
        r = line(ws, r, "Period", a.period());
        ws.value(r, 0, "As of (UTC)");
        date(ws, r++, 1, a.asOf());
        ws.value(r, 0, "Data cut-off (UTC)");
        date(ws, r++, 1, a.dataCutoff());
        ws.value(r, 0, "Figures for");
        ws.value(r++, 1, a.focusYear());
        ws.value(r, 0, "Measures for");
        ws.value(r++, 1, a.measuresYear());
        r = line(ws, r, "Figures as of", a.figuresAsOf() == null ? "when drawn up" : a.figuresAsOf().toString());
        r++;
        ws.value(r++, 0, "Rule sets in force");
        ws.style(r - 1, 0).bold().set();
        for (String rs : a.ruleSets()) {
            ws.value(r++, 0, rs);
        }
        r++;
        ws.value(r++, 0, "Sources");
        ws.style(r - 1, 0).bold().set();
        for (String s : a.sources()) {
            ws.value(r++, 0, s);
        }
        r++;
        ws.value(r, 0, "Percentages are fractions shown as %; an empty cell is a figure not reported.");
        ws.width(0, 22);
        ws.width(1, 28);
    }

    private static int line(Worksheet ws, int r, String label, String value) {
        ws.value(r, 0, label);
        ws.value(r, 1, value);
        return r + 1;
    }

    private static void date(Worksheet ws, int r, int c, Instant at) {
        if (at == null) {
            ws.value(r, c, "no data");
            return;
        }
        ws.value(r, c, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        ws.style(r, c).format(DATE).set();
    }

    private static void sheet(Worksheet ws, BriefingTables.Table t) {
        List<BriefingTables.Column> columns = t.columns();
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).name());
            ws.width(c, Math.max(10, Math.min(40, columns.get(c).name().length() + 4)));
        }
        ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DCE6F1").set();
        ws.freezePane(0, 1);
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < columns.size(); c++) {
                String cell = row.get(c);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                switch (columns.get(c).type()) {
                    case TEXT -> ws.value(r + 1, c, cell);
                    case INTEGER -> ws.value(r + 1, c, Long.parseLong(cell));
                    case NUMBER -> numeric(ws, r + 1, c, new BigDecimal(cell), NUMBER);
                    case MONEY -> numeric(ws, r + 1, c, new BigDecimal(cell), MONEY);
                    case PERCENT -> numeric(ws, r + 1, c, new BigDecimal(cell).movePointLeft(2), PERCENT);
                }
            }
        }
    }

    private static void numeric(Worksheet ws, int r, int c, BigDecimal value, String format) {
        ws.value(r, c, value);
        ws.style(r, c).format(format).set();
    }
}
