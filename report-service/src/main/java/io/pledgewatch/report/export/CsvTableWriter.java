package io.pledgewatch.report.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One table as RFC 4180 CSV (Commons CSV does the quoting): a header row of column names, CRLF line breaks, UTF-8,
 * percentages as percentage points (5.38, as the column names say), an empty field for a figure not reported.
 */
public final class CsvTableWriter {

    public byte[] write(BriefingTables.Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(table.columns().stream().map(BriefingTables.Column::name).toArray(String[]::new)).get())) {
            for (var row : table.rows()) {
                csv.printRecord(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
