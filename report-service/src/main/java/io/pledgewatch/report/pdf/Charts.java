package io.pledgewatch.report.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.List;

/**
 * Vector charts drawn straight onto the page with {@link PdfContentByte}: crisp at any zoom, searchable labels,
 * a few kilobytes each. Coordinates are PDF points from the bottom-left corner.
 */
final class Charts {

    /** One bar: a label, a value in % of GDP, and its colour. */
    record Bar(String label, BigDecimal value, Color color) {
    }

    /** One point of a scatter chart. */
    record Point(String label, double x, double y) {
    }

    /** One small chart of a nation's path: actual values by year and the path line from 2025 to 2035. */
    record PathPanel(String title, List<double[]> actual, double[] pathFrom, double[] pathTo, double target,
                     int startYear) {
    }

    private final Typography type;

    Charts(Typography type) {
        this.type = type;
    }

    /** Horizontal bars, one per nation, with dashed reference lines (e.g. 2% and 3.5%). */
    void bars(PdfContentByte cb, float x, float y, float width, float height, List<Bar> bars, double[] references,
              String[] referenceLabels, double maxValue) {
        float labelWidth = 92;
        float valueWidth = 34;
        float plotX = x + labelWidth;
        float plotWidth = width - labelWidth - valueWidth;
        float rowHeight = Math.min(16, height / Math.max(1, bars.size()));
        float barHeight = rowHeight * 0.62f;
        float top = y + height;
        cb.saveState();
        // axis ticks every 1 percentage point
        for (int tick = 0; tick <= (int) Math.ceil(maxValue); tick++) {
            float tx = plotX + (float) (tick / maxValue) * plotWidth;
            if (tx > plotX + plotWidth + 0.1f) {
                break;
            }
            cb.setColorStroke(Typography.LIGHT_GREY);
            cb.setLineWidth(0.4f);
            cb.moveTo(tx, top);
            cb.lineTo(tx, top - rowHeight * bars.size());
            cb.stroke();
            text(cb, tick + "%", tx, top - rowHeight * bars.size() - 10, 7, Typography.GREY, Element.ALIGN_CENTER, false);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float rowY = top - (i + 1) * rowHeight;
            float length = bar.value() == null ? 0 : (float) (Math.min(bar.value().doubleValue(), maxValue) / maxValue) * plotWidth;
            cb.setColorFill(bar.color());
            cb.rectangle(plotX, rowY + (rowHeight - barHeight) / 2, Math.max(length, 0.5f), barHeight);
            cb.fill();
            text(cb, bar.label(), plotX - 4, rowY + rowHeight / 2 - 2.5f, 7.5f, Color.BLACK, Element.ALIGN_RIGHT, false);
            text(cb, Formats.pct(bar.value()), plotX + length + 3, rowY + rowHeight / 2 - 2.5f, 7, Typography.GREY,
                    Element.ALIGN_LEFT, false);
        }
        for (int r = 0; r < references.length; r++) {
            float rx = plotX + (float) (references[r] / maxValue) * plotWidth;
            cb.setColorStroke(r == 0 ? Typography.RED : Typography.NAVY);
            cb.setLineWidth(1f);
            cb.setLineDash(4f, 3f, 0f);
            cb.moveTo(rx, top + 4);
            cb.lineTo(rx, top - rowHeight * bars.size());
            cb.stroke();
            cb.setLineDash(0f);
            text(cb, referenceLabels[r], rx, top + 8, 7.5f, r == 0 ? Typography.RED : Typography.NAVY, Element.ALIGN_CENTER, true);
        }
        cb.restoreState();
    }

    /** A scatter chart with a threshold on each axis (the 2%/20% quadrant). */
    void quadrant(PdfContentByte cb, float x, float y, float width, float height, List<Point> points, double maxX,
                  double maxY, double thresholdX, double thresholdY, String xLabel, String yLabel) {
        cb.saveState();
        cb.setColorStroke(Typography.GREY);
        cb.setLineWidth(0.6f);
        cb.rectangle(x, y, width, height);
        cb.stroke();
        float tx = x + (float) (thresholdX / maxX) * width;
        float ty = y + (float) (thresholdY / maxY) * height;
        cb.setColorFill(new Color(0xE3, 0xF0, 0xE3));
        cb.rectangle(tx, ty, x + width - tx, y + height - ty);
        cb.fill();
        cb.setColorStroke(Typography.RED);
        cb.setLineDash(4f, 3f, 0f);
        cb.moveTo(tx, y);
        cb.lineTo(tx, y + height);
        cb.moveTo(x, ty);
        cb.lineTo(x + width, ty);
        cb.stroke();
        cb.setLineDash(0f);
        for (int i = 0; i <= (int) maxX; i++) {
            text(cb, i + "%", x + (float) (i / maxX) * width, y - 10, 7, Typography.GREY, Element.ALIGN_CENTER, false);
        }
        for (int i = 0; i <= (int) maxY; i += 10) {
            text(cb, i + "%", x - 4, y + (float) (i / maxY) * height - 2.5f, 7, Typography.GREY, Element.ALIGN_RIGHT, false);
        }
        text(cb, xLabel, x + width / 2, y - 22, 8, Color.BLACK, Element.ALIGN_CENTER, false);
        cb.beginText();
        cb.setFontAndSize(type.regular, 8);
        cb.setColorFill(Color.BLACK);
        cb.showTextAligned(Element.ALIGN_CENTER, yLabel, x - 26, y + height / 2, 90);
        cb.endText();
        text(cb, "meets both guidelines", x + width - 4, y + height - 10, 7, Typography.GREEN, Element.ALIGN_RIGHT, true);
        for (Point p : points) {
            float px = x + (float) (Math.min(p.x(), maxX) / maxX) * width;
            float py = y + (float) (Math.min(p.y(), maxY) / maxY) * height;
            cb.setColorFill(p.x() >= thresholdX && p.y() >= thresholdY ? Typography.GREEN : Typography.BLUE);
            cb.circle(px, py, 2.6f);
            cb.fill();
            text(cb, p.label(), px + 4, py + 2, 6.5f, Color.DARK_GRAY, Element.ALIGN_LEFT, false);
        }
        cb.restoreState();
    }

    /**
     * A small chart from {@code startYear} to 2035: the nation's figures (solid, dots), its Hague path from 2025
     * (dashed), the 3.5% target (navy) and the 2% minimum (thin red).
     */
    void pathPanel(PdfContentByte cb, float x, float y, float width, float height, PathPanel panel, double maxY) {
        cb.saveState();
        float plotX = x + 18;
        float plotY = y + 12;
        float plotW = width - 24;
        float plotH = height - 26;
        text(cb, panel.title(), x + 2, y + height - 9, 7.5f, Typography.NAVY, Element.ALIGN_LEFT, true);
        cb.setColorStroke(Typography.LIGHT_GREY);
        cb.setLineWidth(0.4f);
        for (int v = 0; v <= (int) maxY; v += 2) {
            float gy = plotY + (float) (v / maxY) * plotH;
            cb.moveTo(plotX, gy);
            cb.lineTo(plotX + plotW, gy);
            cb.stroke();
            text(cb, v + "", plotX - 3, gy - 2, 5.5f, Typography.GREY, Element.ALIGN_RIGHT, false);
        }
        int start = panel.startYear();
        text(cb, String.valueOf(start), plotX, y + 3, 5.5f, Typography.GREY, Element.ALIGN_LEFT, false);
        if (start < 2025) {
            float x2025 = xOf(2025, start, plotX, plotW);
            text(cb, "2025", x2025, y + 3, 5.5f, Typography.GREY, Element.ALIGN_CENTER, false);
            cb.setColorStroke(Typography.LIGHT_GREY);
            cb.setLineWidth(0.4f);
            cb.moveTo(x2025, plotY);
            cb.lineTo(x2025, plotY + plotH);
            cb.stroke();
        }
        text(cb, "2035", plotX + plotW, y + 3, 5.5f, Typography.GREY, Element.ALIGN_RIGHT, false);
        float twoY = plotY + (float) (Math.min(2.0, maxY) / maxY) * plotH;
        cb.setColorStroke(Typography.RED);
        cb.setLineWidth(0.4f);
        cb.moveTo(plotX, twoY);
        cb.lineTo(plotX + plotW, twoY);
        cb.stroke();
        float targetY = plotY + (float) (Math.min(panel.target(), maxY) / maxY) * plotH;
        cb.setColorStroke(Typography.NAVY);
        cb.setLineWidth(0.5f);
        cb.moveTo(plotX, targetY);
        cb.lineTo(plotX + plotW, targetY);
        cb.stroke();
        if (panel.pathFrom() != null) {
            cb.setColorStroke(Typography.ORANGE);
            cb.setLineWidth(1f);
            cb.setLineDash(3f, 2f, 0f);
            cb.moveTo(xOf(panel.pathFrom()[0], start, plotX, plotW), yOf(panel.pathFrom()[1], plotY, plotH, maxY));
            cb.lineTo(xOf(panel.pathTo()[0], start, plotX, plotW), yOf(panel.pathTo()[1], plotY, plotH, maxY));
            cb.stroke();
            cb.setLineDash(0f);
        }
        if (!panel.actual().isEmpty()) {
            cb.setColorStroke(Typography.BLUE);
            cb.setLineWidth(1.2f);
            for (int i = 0; i < panel.actual().size(); i++) {
                double[] p = panel.actual().get(i);
                float px = xOf(p[0], start, plotX, plotW);
                float py = yOf(p[1], plotY, plotH, maxY);
                if (i == 0) {
                    cb.moveTo(px, py);
                } else {
                    cb.lineTo(px, py);
                }
            }
            if (panel.actual().size() > 1) {
                cb.stroke();
            } else {
                cb.newPath();
            }
            cb.setColorFill(Typography.BLUE);
            for (double[] p : panel.actual()) {
                cb.circle(xOf(p[0], start, plotX, plotW), yOf(p[1], plotY, plotH, maxY), 1.6f);
                cb.fill();
            }
        }
        cb.restoreState();
    }

    /** One nation's four shares of its defence spending, in the order equipment, personnel, infrastructure, other. */
    record ShareRow(String label, double[] shares) {
    }

    static final Color[] SHARE_COLORS = {Typography.NAVY, Typography.LIGHT_BLUE, Typography.ORANGE, Typography.LIGHT_GREY};

    /** 100% stacked horizontal bars, one per nation, with a dashed line where equipment would reach {@code line}%. */
    void stackedShares(PdfContentByte cb, float x, float y, float width, float height, List<ShareRow> rows, double line,
                       String[] legend) {
        float labelWidth = 92;
        float plotX = x + labelWidth;
        float plotW = width - labelWidth - 8;
        float rowHeight = Math.min(16, (height - 24) / Math.max(1, rows.size()));
        float barHeight = rowHeight * 0.66f;
        float top = y + height - 24;
        cb.saveState();
        for (int k = 0; k < legend.length; k++) {
            float lx = plotX + k * 110;
            cb.setColorFill(SHARE_COLORS[k]);
            cb.rectangle(lx, y + height - 10, 9, 7);
            cb.fill();
            text(cb, legend[k], lx + 12, y + height - 9.5f, 7.5f, Color.BLACK, Element.ALIGN_LEFT, false);
        }
        for (int i = 0; i < rows.size(); i++) {
            ShareRow row = rows.get(i);
            float rowY = top - (i + 1) * rowHeight + (rowHeight - barHeight) / 2;
            float at = plotX;
            for (int k = 0; k < row.shares().length; k++) {
                float w = (float) (Math.max(0, row.shares()[k]) / 100.0) * plotW;
                cb.setColorFill(SHARE_COLORS[k]);
                cb.rectangle(at, rowY, w, barHeight);
                cb.fill();
                if (k == 0 && w > 22) {
                    text(cb, String.format(java.util.Locale.UK, "%.1f", row.shares()[0]), at + 3, rowY + barHeight / 2 - 2.5f,
                            6.5f, Color.WHITE, Element.ALIGN_LEFT, true);
                }
                at += w;
            }
            text(cb, row.label(), plotX - 4, rowY + barHeight / 2 - 2.5f, 7.5f, Color.BLACK, Element.ALIGN_RIGHT, false);
        }
        float lx = plotX + (float) (line / 100.0) * plotW;
        cb.setColorStroke(Typography.RED);
        cb.setLineWidth(1f);
        cb.setLineDash(4f, 3f, 0f);
        cb.moveTo(lx, top + 4);
        cb.lineTo(lx, top - rowHeight * rows.size());
        cb.stroke();
        cb.setLineDash(0f);
        text(cb, (int) line + "% equipment", lx, top + 7, 7.5f, Typography.RED, Element.ALIGN_CENTER, true);
        for (int t = 0; t <= 100; t += 25) {
            text(cb, t + "%", plotX + t / 100f * plotW, top - rowHeight * rows.size() - 10, 7, Typography.GREY,
                    Element.ALIGN_CENTER, false);
        }
        cb.restoreState();
    }

    /** One year's pair of columns: Europe and Canada beside the United States (USD billions). */
    record YearPair(int year, double europeCanada, double unitedStates) {
    }

    /** Paired columns per year, with a value axis in USD billions. */
    void burdenColumns(PdfContentByte cb, float x, float y, float width, float height, List<YearPair> years) {
        double max = years.stream().mapToDouble(p -> Math.max(p.europeCanada(), p.unitedStates())).max().orElse(1);
        double step = niceStep(max / 5);
        double top = Math.ceil(max / step) * step;
        float plotX = x + 40;
        float plotY = y + 16;
        float plotW = width - 48;
        float plotH = height - 36;
        cb.saveState();
        for (double v = 0; v <= top + 1e-9; v += step) {
            float gy = plotY + (float) (v / top) * plotH;
            cb.setColorStroke(Typography.LIGHT_GREY);
            cb.setLineWidth(0.4f);
            cb.moveTo(plotX, gy);
            cb.lineTo(plotX + plotW, gy);
            cb.stroke();
            text(cb, String.format(java.util.Locale.UK, "%,.0f", v), plotX - 4, gy - 2.5f, 7, Typography.GREY,
                    Element.ALIGN_RIGHT, false);
        }
        float slot = plotW / Math.max(1, years.size());
        float col = Math.min(18, slot * 0.36f);
        for (int i = 0; i < years.size(); i++) {
            YearPair p = years.get(i);
            float cx = plotX + slot * i + slot / 2;
            float ec = (float) (p.europeCanada() / top) * plotH;
            float us = (float) (p.unitedStates() / top) * plotH;
            cb.setColorFill(Typography.BLUE);
            cb.rectangle(cx - col - 1, plotY, col, ec);
            cb.fill();
            cb.setColorFill(Typography.ORANGE);
            cb.rectangle(cx + 1, plotY, col, us);
            cb.fill();
            text(cb, String.valueOf(p.year()), cx, y + 3, 7, Color.BLACK, Element.ALIGN_CENTER, false);
        }
        cb.setColorFill(Typography.BLUE);
        cb.rectangle(plotX, y + height - 8, 9, 7);
        cb.fill();
        text(cb, "Europe and Canada", plotX + 12, y + height - 7.5f, 7.5f, Color.BLACK, Element.ALIGN_LEFT, false);
        cb.setColorFill(Typography.ORANGE);
        cb.rectangle(plotX + 110, y + height - 8, 9, 7);
        cb.fill();
        text(cb, "United States", plotX + 122, y + height - 7.5f, 7.5f, Color.BLACK, Element.ALIGN_LEFT, false);
        text(cb, "USD bn", plotX - 4, y + height - 7.5f, 7, Typography.GREY, Element.ALIGN_RIGHT, false);
        cb.restoreState();
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double r = raw / magnitude;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * magnitude;
    }

    /**
     * A nation's plan: core% (blue) and hague% (navy) by year against the paths to 3.5% and 5% (dashed orange and
     * red); a missing year is a gap in the line.
     */
    record PlanPanel(String title, boolean credible, int firstYear, int lastYear, Double[] core, Double[] hague,
                     double[] path35, double[] path5) {
    }

    void planPanel(PdfContentByte cb, float x, float y, float width, float height, PlanPanel p, double maxY) {
        cb.saveState();
        float plotX = x + 16;
        float plotY = y + 12;
        float plotW = width - 22;
        float plotH = height - 26;
        text(cb, p.title(), x + 2, y + height - 9, 7.5f, Typography.NAVY, Element.ALIGN_LEFT, true);
        text(cb, p.credible() ? "credible" : "not credible", x + width - 2, y + height - 9, 6.5f,
                p.credible() ? Typography.GREEN : Typography.RED, Element.ALIGN_RIGHT, true);
        cb.setColorStroke(Typography.LIGHT_GREY);
        cb.setLineWidth(0.4f);
        for (int v = 0; v <= (int) maxY; v += 1) {
            float gy = plotY + (float) (v / maxY) * plotH;
            cb.moveTo(plotX, gy);
            cb.lineTo(plotX + plotW, gy);
            cb.stroke();
            if (v % 2 == 1) {
                text(cb, v + "", plotX - 3, gy - 2, 5.5f, Typography.GREY, Element.ALIGN_RIGHT, false);
            }
        }
        text(cb, String.valueOf(p.firstYear()), plotX, y + 3, 5.5f, Typography.GREY, Element.ALIGN_LEFT, false);
        text(cb, String.valueOf(p.lastYear()), plotX + plotW, y + 3, 5.5f, Typography.GREY, Element.ALIGN_RIGHT, false);
        int n = p.lastYear() - p.firstYear();
        polyline(cb, p.path35(), plotX, plotY, plotW, plotH, maxY, n, Typography.ORANGE, true);
        polyline(cb, p.path5(), plotX, plotY, plotW, plotH, maxY, n, Typography.RED, true);
        series(cb, p.core(), plotX, plotY, plotW, plotH, maxY, n, Typography.BLUE);
        series(cb, p.hague(), plotX, plotY, plotW, plotH, maxY, n, Typography.NAVY);
        cb.restoreState();
    }

    private void polyline(PdfContentByte cb, double[] values, float plotX, float plotY, float plotW, float plotH,
                          double maxY, int n, Color color, boolean dashed) {
        cb.setColorStroke(color);
        cb.setLineWidth(0.9f);
        if (dashed) {
            cb.setLineDash(3f, 2f, 0f);
        }
        for (int i = 0; i < values.length; i++) {
            float px = plotX + (n == 0 ? 0 : plotW * i / n);
            float py = yOf(values[i], plotY, plotH, maxY);
            if (i == 0) {
                cb.moveTo(px, py);
            } else {
                cb.lineTo(px, py);
            }
        }
        cb.stroke();
        cb.setLineDash(0f);
    }

    private void series(PdfContentByte cb, Double[] values, float plotX, float plotY, float plotW, float plotH, double maxY,
                        int n, Color color) {
        cb.setColorStroke(color);
        cb.setColorFill(color);
        cb.setLineWidth(1.2f);
        boolean open = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                if (open) {
                    cb.stroke();
                }
                open = false;
                continue;
            }
            float px = plotX + (n == 0 ? 0 : plotW * i / n);
            float py = yOf(values[i], plotY, plotH, maxY);
            if (open) {
                cb.lineTo(px, py);
            } else {
                cb.moveTo(px, py);
                open = true;
            }
        }
        if (open) {
            cb.stroke();
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                cb.circle(plotX + (n == 0 ? 0 : plotW * i / n), yOf(values[i], plotY, plotH, maxY), 1.4f);
                cb.fill();
            }
        }
    }

    private static float xOf(double year, int startYear, float plotX, float plotW) {
        return plotX + (float) ((year - startYear) / (2035.0 - startYear)) * plotW;
    }

    private static float yOf(double value, float plotY, float plotH, double maxY) {
        return plotY + (float) (Math.min(value, maxY) / maxY) * plotH;
    }

    void text(PdfContentByte cb, String s, float x, float y, float size, Color color, int align, boolean bold) {
        cb.beginText();
        cb.setFontAndSize(bold ? type.bold : type.regular, size);
        cb.setColorFill(color);
        cb.showTextAligned(align, s, x, y, 0);
        cb.endText();
    }
}
