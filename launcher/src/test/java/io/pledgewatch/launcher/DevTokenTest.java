package io.pledgewatch.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development tokens as the services read them: verified with the public key the launcher hands them. */
class DevTokenTest {

    @TempDir
    Path data;

    private JwtConsumer consumerOf(Path keys) throws Exception {
        return new JwtConsumerBuilder().setRequireExpirationTime().setExpectedIssuer(DevToken.ISSUER)
                .setVerificationKey(KeyUtils.decodePublicKey(Files.readString(keys.resolve("dev-jwt-public.pem"))))
                .build();
    }

    @Test
    void aDelegationTokenCarriesItsRoleNationAndLifetimeAndVerifiesWithTheGeneratedKey() throws Exception {
        Path keys = data.resolve("keys");
        PrivateKey key = DevToken.ensureKeys(keys);
        String token = DevToken.sign(key, "delegation", "LTU", "delegation-ltu", 600);

        JwtClaims claims = consumerOf(keys).processToClaims(token);
        assertEquals(List.of("delegation"), claims.getStringListClaimValue("groups"));
        assertEquals("LTU", claims.getStringClaimValue("country"));
        assertEquals("delegation-ltu", claims.getStringClaimValue("upn"));
        long ttl = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(600, ttl);
    }

    @Test
    void theKeyPairIsMadeOnceAndKeptSoEarlierTokensStayValid() throws Exception {
        Path keys = data.resolve("keys");
        String first = DevToken.sign(DevToken.ensureKeys(keys), "staff", null, "staff-dev", 600);
        String privateKey = Files.readString(keys.resolve("dev-jwt-private.pem"));
        DevToken.ensureKeys(keys);
        assertEquals(privateKey, Files.readString(keys.resolve("dev-jwt-private.pem")));
        assertTrue(consumerOf(keys).processToClaims(first).getClaimsMap().get("country") == null, "staff: no nation");
    }

    @Test
    void aTokenSignedWithAnotherDataDirectorysKeyIsRefused() throws Exception {
        String foreign = DevToken.sign(DevToken.ensureKeys(data.resolve("other/keys")), "staff", null, "x", 600);
        Path keys = data.resolve("keys");
        DevToken.ensureKeys(keys);
        assertThrows(InvalidJwtException.class, () -> consumerOf(keys).processToClaims(foreign));
    }
}
