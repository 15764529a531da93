package io.pledgewatch.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as {@link VerifiedTokens} keeps it for its lifetime: the verified principal, with each claim read
 * from it once. A verified token's claims cannot change, and SmallRye's principal pays for every read: it looks the
 * name up with {@code Claims.valueOf}, which throws and catches an exception for any claim outside the MP-JWT
 * standard set, such as a delegation's {@code country}: one exception per request
 * (docs/decisions/0005-verified-token-cache.md).
 */
final class VerifiedToken implements JsonWebToken {

    private final JsonWebToken verified;
    private final long expires;
    private final ConcurrentMap<String, Optional<Object>> claims = new ConcurrentHashMap<>();
    private volatile String name;
    private volatile Set<String> groups;

    VerifiedToken(JsonWebToken verified) {
        this.verified = verified;
        this.expires = verified.getExpirationTime();
    }

    /** The {@code exp} claim, in seconds since the epoch. */
    long expires() {
        return expires;
    }

    @Override
    public long getExpirationTime() {
        return expires;
    }

    @Override
    public String getName() {
        String known = name;
        if (known == null) {
            known = verified.getName();
            name = known;
        }
        return known;
    }

    @Override
    public Set<String> getGroups() {
        Set<String> known = groups;
        if (known == null) {
            known = verified.getGroups();
            groups = known;
        }
        return known;
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.computeIfAbsent(claimName, n -> Optional.ofNullable(verified.getClaim(n))).orElse(null);
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
