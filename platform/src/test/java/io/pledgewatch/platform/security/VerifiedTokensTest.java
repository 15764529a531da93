package io.pledgewatch.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pledgewatch.platform.testing.TestTokens;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheImpl;
import io.quarkus.cache.runtime.caffeine.CaffeineCacheInfo;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The cache in front of SmallRye JWT's own parser, verifying real tokens signed with the test key. */
class VerifiedTokensTest {

    /** SmallRye's parser, counting the verifications it actually performs. */
    static final class CountingParser extends DefaultJWTParser {
        final AtomicInteger verifications = new AtomicInteger();

        CountingParser() throws Exception {
            super(context());
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }

        static JWTAuthContextInfo context() throws Exception {
            try (InputStream in = VerifiedTokensTest.class.getResourceAsStream(TestTokens.PUBLIC_KEY_RESOURCE)) {
                String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                return new JWTAuthContextInfo(KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))), TestTokens.ISSUER);
            }
        }
    }

    /** The Caffeine cache the Quarkus cache extension would make from the platform's configuration. */
    static CaffeineCache newCache() {
        CaffeineCacheInfo info = new CaffeineCacheInfo();
        info.name = VerifiedTokens.CACHE;
        info.maximumSize = 10_000L;
        return new CaffeineCacheImpl(info, false);
    }

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void aTokenIsVerifiedOnceForItsLifetime() throws Exception {
        CountingParser real = new CountingParser();
        VerifiedTokens cache = new VerifiedTokens(real, newCache(), Clock.systemUTC());
        String token = TestTokens.delegation("LTU");
        for (int i = 0; i < 5; i++) {
            assertEquals("LTU", cache.parse(token).getClaim("country").toString().replace("\"", ""));
        }
        assertEquals(1, real.verifications.get());
        cache.parse(TestTokens.delegation("EST"));
        assertEquals(2, real.verifications.get(), "another token is verified on its own");
    }

    @Test
    void aCachedTokenIsVerifiedAgainOnceItHasExpired() throws Exception {
        CountingParser real = new CountingParser();
        String token = TestTokens.staff(); // valid for an hour
        long exp = real.parse(token).getExpirationTime();
        real.verifications.set(0);
        CaffeineCache kept = newCache();
        VerifiedTokens before = new VerifiedTokens(real, kept, at(Instant.ofEpochSecond(exp - 10)));
        before.parse(token);
        before.parse(token);
        assertEquals(1, real.verifications.get());
        VerifiedTokens after = new VerifiedTokens(real, kept, at(Instant.ofEpochSecond(exp + 1)));
        after.parse(token);
        assertEquals(2, real.verifications.get(), "past exp the cache does not answer");
    }

    @Test
    void aTokenThatFailsIsNeverCachedAndFailsEveryTime() throws Exception {
        CountingParser real = new CountingParser();
        CaffeineCache kept = newCache();
        VerifiedTokens cache = new VerifiedTokens(real, kept, Clock.systemUTC());
        String forged = TestTokens.badSignature("LTU");
        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertThrows(ParseException.class, () -> cache.parse(forged));
        assertEquals(2, real.verifications.get());
        assertEquals(0, kept.keySet().size());
    }

    @Test
    void aKeptTokenAnswersAsTheVerifiedOneAndReadsEachClaimOnce() throws Exception {
        JsonWebToken principal = new CountingParser().parse(TestTokens.delegation("LTU"));
        AtomicInteger reads = new AtomicInteger();
        JsonWebToken counted = new JsonWebToken() {
            @Override
            public String getName() {
                return principal.getName();
            }

            @Override
            public Set<String> getClaimNames() {
                return principal.getClaimNames();
            }

            @Override
            public <T> T getClaim(String claimName) {
                reads.incrementAndGet();
                return principal.getClaim(claimName);
            }
        };
        VerifiedToken kept = new VerifiedToken(counted);
        int afterExp = reads.get();
        for (int i = 0; i < 3; i++) {
            assertEquals(principal.getClaim("country").toString(), kept.getClaim("country").toString());
            assertEquals(null, (Object) kept.getClaim("no-such-claim"), "a missing claim stays missing");
            assertEquals(principal.getSubject(), kept.getSubject());
            assertEquals(principal.getRawToken(), kept.getRawToken());
            assertEquals(principal.getExpirationTime(), kept.getExpirationTime());
            assertEquals(principal.getName(), kept.getName());
            assertEquals(principal.getGroups(), kept.getGroups());
        }
        assertEquals(afterExp + 5, reads.get(),
                "country, the missing claim, sub, raw_token and groups each read once (exp when the token was kept)");
    }
}
