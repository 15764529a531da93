package io.pledgewatch.platform.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8BodiesTest {

    private static boolean refused(String json, Charset charset) {
        byte[] bytes = json.getBytes(charset);
        return Utf8Bodies.notUtf8(bytes, Math.min(4, bytes.length));
    }

    @Test
    void utf8JsonPasses() {
        assertFalse(refused("{\"status\":\"BUDGET\"}", StandardCharsets.UTF_8));
        assertFalse(refused("[1]", StandardCharsets.UTF_8));
        assertFalse(refused("{\"note\":\"Türkiye\"}", StandardCharsets.UTF_8));
    }

    @Test
    void utf16InEitherByteOrderIsRefusedWithOrWithoutAByteOrderMark() {
        assertTrue(refused("{\"status\":\"BUDGET\"}", StandardCharsets.UTF_16BE));
        assertTrue(refused("{\"status\":\"BUDGET\"}", StandardCharsets.UTF_16LE));
        assertTrue(refused("{\"status\":\"BUDGET\"}", StandardCharsets.UTF_16)); // writes a byte-order mark
        assertTrue(refused("{}", Charset.forName("UTF-32")));
    }

    @Test
    void anEmptyBodyIsLeftToTheParser() {
        assertFalse(Utf8Bodies.notUtf8(new byte[4], 0));
    }

    @Test
    void charsetParametersOtherThanUtf8AreRefused() {
        assertTrue(RequestGuard.isUtf8("utf-8"));
        assertTrue(RequestGuard.isUtf8("\"UTF-8\""));
        assertFalse(RequestGuard.isUtf8("utf-16"));
        assertFalse(RequestGuard.isUtf8("ISO-8859-1"));
    }
}
