package io.pledgewatch.report.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pledgewatch.report.figures.BriefingData;
import io.pledgewatch.report.pdf.AnalystPagesTest;
import io.pledgewatch.report.pdf.BriefingPdf;
import io.pledgewatch.report.pdf.Typography;
import io.pledgewatch.report.support.PdfText;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Workbooks and CSV written from a briefing's tables, read back with other libraries and held against its PDF. */
class WorkbookAndCsvTest {

    static final BriefingData DATA = AnalystPagesTest.data();
    static final BriefingTables TABLES = BriefingTables.of(DATA, "Alliance briefing · test");
    static final String PDF = PdfText.of(new BriefingPdf(new Typography()).render(DATA).pdf()).text();

    @Test
    void theWorkbookHasAnAboutSheetThenOneSheetPerTableWithTypedCellsAndAFrozenHeader() throws Exception {
        byte[] xlsx = new WorkbookWriter().write(TABLES);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("About", "Alliance table 2025", "Measures 2026", "Hague plans", "Series"), names);
            Sheet about = wb.getSheet("About");
            Cell asOf = about.getRow(3).getCell(1);
            assertEquals("As of (UTC)", about.getRow(3).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, asOf.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(asOf), "as-of is a date");
            for (int i = 1; i < names.size(); i++) {
                Sheet s = wb.getSheetAt(i);
                assertEquals(1, s.getPaneInformation().getHorizontalSplitTopRow(), s.getSheetName() + " header frozen");
                assertTrue(wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold());
            }
            Sheet alliance = wb.getSheet("Alliance table 2025");
            assertEquals("core_pct", alliance.getRow(0).getCell(5).getStringCellValue());
            int rows = 0;
            for (Row r : alliance) {
                if (r.getRowNum() == 0 || r.getCell(5) == null) {
                    continue;
                }
                Cell core = r.getCell(5);
                assertEquals(CellType.NUMERIC, core.getCellType());
                assertTrue(core.getCellStyle().getDataFormatString().contains("%"));
                String shown = BigDecimal.valueOf(core.getNumericCellValue()).movePointRight(2)
                        .setScale(2, RoundingMode.HALF_UP).toPlainString();
                assertTrue(PDF.contains(shown), r.getCell(0).getStringCellValue() + " core " + shown + " is the PDF's");
                rows++;
            }
            assertEquals(31, rows, "every assessed nation of 2025");
            Sheet measures = wb.getSheet("Measures 2026");
            Row estonia = findRow(measures, "Estonia");
            assertEquals(1559800000, estonia.getCell(12).getNumericCellValue(), 0.5, "defence in USD, a number");
            assertEquals(0.38, estonia.getCell(3).getNumericCellValue(), 1e-9, "38% equipment as a fraction");
            Row latvia = findRow(measures, "Latvia");
            assertEquals(null, latvia.getCell(12), "not reported: an empty cell, never 0");
        }
    }

    @Test
    void csvIsTheSameBytesEveryTimeSoItsStrongEtagHolds() {
        BriefingTables.Table plans = TABLES.table("plans").orElseThrow();
        assertArrayEquals(new CsvTableWriter().write(plans), new CsvTableWriter().write(plans));
    }

    @Test
    void csvIsRfc4180AndQuotesWhatNeedsQuoting() throws Exception {
        byte[] csv = new CsvTableWriter().write(TABLES.table("plans").orElseThrow());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("nation,iso3,verdict,complete,incremental,on_path,reaches_2035,first_shortfall_year,"
                + "first_shortfall_check,first_shortfall\r\n"), "header and CRLF");
        assertTrue(text.contains(",core defence spending falls from 3.60% of GDP in 2030 to 3.55% in 2031: each year must "
                + "at least match the year before.\r\n"), "a field without comma, quote or line break is left unquoted");
        try (CSVParser p = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> records = p.getRecords();
            assertEquals(3, records.size());
            CSVRecord latvia = records.stream().filter(r -> r.get("iso3").equals("LVA")).findFirst().orElseThrow();
            assertEquals("not credible", latvia.get("verdict"));
            assertEquals("2031", latvia.get("first_shortfall_year"));
            assertTrue(PDF.contains("Core defence spending falls from 3.60% of GDP in 2030 to 3.55% in 2031"));
        }
        byte[] alliance = new CsvTableWriter().write(TABLES.table("alliance").orElseThrow());
        try (CSVParser p = CSVParser.parse(new String(alliance, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p.getRecords()) {
                if (!r.get("core_pct").isEmpty()) {
                    String shown = new BigDecimal(r.get("core_pct")).setScale(2, RoundingMode.HALF_UP).toPlainString();
                    assertTrue(PDF.contains(shown), r.get("nation") + " " + shown);
                }
            }
        }
    }

    @Test
    void quotesAndCommasInCellsSurviveTheRoundTrip() throws Exception {
        BriefingTables.Table t = new BriefingTables.Table("x", "x", List.of(new BriefingTables.Column("a", BriefingTables.Type.TEXT),
                new BriefingTables.Column("b", BriefingTables.Type.NUMBER)),
                List.of(java.util.Arrays.asList("Türkiye, \"the Republic\"\nof", "1.5"), java.util.Arrays.asList(null, null)));
        String csv = new String(new CsvTableWriter().write(t), StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(csv, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> r = p.getRecords();
            assertEquals("Türkiye, \"the Republic\"\nof", r.get(0).get("a"));
            assertEquals("", r.get(1).get("b"));
        }
    }

    private static Row findRow(Sheet s, String nation) {
        for (Row r : s) {
            if (r.getCell(0) != null && nation.equals(r.getCell(0).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError(nation + " not in " + s.getSheetName());
    }
}
