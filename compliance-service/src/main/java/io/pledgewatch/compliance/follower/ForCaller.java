package io.pledgewatch.compliance.follower;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A call to ingest made for the caller of this service, with the caller's own bearer token, so that ingest decides
 * what the caller may do (a delegation only its own nation's rows) exactly as if the caller had asked it directly.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ForCaller {
}
