package io.pledgewatch.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embedded fonts and the palette. DejaVu Sans Condensed (free licence, see fonts/DejaVu-LICENSE.txt) is
 * embedded as a subset with Identity-H encoding, so every Ally's name (Türkiye included) renders the same on
 * any reader and host, with no dependency on installed fonts.
 */
public final class Typography {

    public static final Color NAVY = new Color(0x00, 0x2D, 0x62);
    public static final Color BLUE = new Color(0x1F, 0x5F, 0xA8);
    public static final Color LIGHT_BLUE = new Color(0x9C, 0xC3, 0xE6);
    public static final Color ORANGE = new Color(0xD9, 0x6C, 0x1E);
    public static final Color GREEN = new Color(0x2E, 0x7D, 0x32);
    public static final Color RED = new Color(0xB7, 0x1C, 0x1C);
    public static final Color GREY = new Color(0x75, 0x75, 0x75);
    public static final Color LIGHT_GREY = new Color(0xE8, 0xEB, 0xEF);
    public static final Color ROW_SHADE = new Color(0xF4, 0xF6, 0xF9);

    final BaseFont regular;
    final BaseFont bold;

    public Typography() {
        this.regular = load("/fonts/DejaVuSansCondensed.ttf");
        this.bold = load("/fonts/DejaVuSansCondensed-Bold.ttf");
    }

    private static BaseFont load(String resource) {
        try (InputStream in = Typography.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from classpath: " + resource);
            }
            byte[] ttf = in.readAllBytes();
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Font font(float size) {
        return new Font(regular, size, Font.NORMAL, Color.BLACK);
    }

    public Font font(float size, Color color) {
        return new Font(regular, size, Font.NORMAL, color);
    }

    public Font bold(float size) {
        return new Font(bold, size, Font.NORMAL, Color.BLACK);
    }

    public Font bold(float size, Color color) {
        return new Font(bold, size, Font.NORMAL, color);
    }
}
