package org.linyunzhi.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context every integration test shares: the whole platform on a real
 * (embedded) PostgreSQL with the demo town loaded, on a random port. Keeping a single
 * configuration lets Spring cache the context, so the town is built once per test run.
 * Tests create their own records with their own codes and never rely on a clean database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public @interface IntegrationTest {
}
