package io.pledgewatch.report.pdf;

import io.pledgewatch.report.export.BriefingTables;
import io.pledgewatch.report.export.WorkbookWriter;
import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.support.SyntheticData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark, not a test: renders the Alliance briefing for 32 nations × 12 years and for four times that
 * (128 nations × 12 years), and the workbook of each, warms up, then prints the median and spread of several runs
 * and the sizes.
 * Run with: ./pledgewatch bench render
 */
public final class RenderBenchmark {

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        BriefingPdf renderer = new BriefingPdf(new Typography());
        System.out.printf("%-28s %8s %10s %10s %10s %7s%n", "data", "nations", "median ms", "min ms", "max ms", "pages");
        for (int nations : new int[] {32, 128}) {
            BriefingData data = SyntheticData.alliance(nations, 2014, 2025, 42);
            for (int i = 0; i < warmup; i++) {
                renderer.render(data);
            }
            List<Double> millis = new ArrayList<>();
            BriefingPdf.Rendered last = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                last = renderer.render(data);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(millis);
            System.out.printf("%-28s %8d %10.1f %10.1f %10.1f %7d   %,d bytes%n",
                    nations == 32 ? "32 nations x 12 years" : "4x: 128 nations x 12 years", nations,
                    millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1), last.pages(), last.pdf().length);
            // The workbook of the same briefing: its tables, then the xlsx written from them.
            WorkbookWriter workbooks = new WorkbookWriter();
            for (int i = 0; i < warmup; i++) {
                workbooks.write(BriefingTables.of(data, "benchmark"));
            }
            List<Double> xlsxMillis = new ArrayList<>();
            byte[] xlsx = null;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                xlsx = workbooks.write(BriefingTables.of(data, "benchmark"));
                xlsxMillis.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(xlsxMillis);
            System.out.printf("%-28s %8d %10.1f %10.1f %10.1f %7s   %,d bytes%n", "  workbook (xlsx)", nations,
                    xlsxMillis.get(xlsxMillis.size() / 2), xlsxMillis.get(0), xlsxMillis.get(xlsxMillis.size() - 1), "-",
                    xlsx.length);
        }
    }
}
