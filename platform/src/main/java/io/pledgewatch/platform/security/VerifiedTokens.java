package io.pledgewatch.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once for its lifetime. Checking an RSA signature is the dearest step of an
 * authenticated request (several times dearer still under C1-only JIT), and a delegation's client sends the same
 * token with every request until it expires. The first request verifies it fully; later ones with the same token
 * reuse that verdict until the token's {@code exp}. A token that fails verification is never cached. Tokens are keyed
 * by themselves: the verified principal keeps its raw token anyway ({@code getRawToken()}), so keying by a SHA-256
 * hid nothing, and hashing every request's token cost 3% of ingest's CPU under load (SHA-256 is not intrinsified
 * under C1). What is kept is a {@link VerifiedToken}, which reads each claim once.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    static final int MAX_ENTRIES = 10_000;

    private final JWTParser delegate;
    private final Clock clock;
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

    @Inject
    public VerifiedTokens(DefaultJWTParser delegate) {
        this(delegate, Clock.systemUTC());
    }

    VerifiedTokens(JWTParser delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.instant().getEpochSecond();
        VerifiedToken known = verified.get(token);
        if (known != null && known.expires() > now) {
            return known;
        }
        VerifiedToken fresh = new VerifiedToken(delegate.parse(token));
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(t -> t.expires() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear(); // a flood of distinct tokens: start again rather than grow
            }
        }
        if (fresh.expires() > now) {
            verified.put(token, fresh);
        }
        return fresh;
    }

    int size() {
        return verified.size();
    }

    // The other ways of parsing are rare (explicit keys, decryption): never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }

}
