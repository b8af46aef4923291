package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;

import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.specification.RequestSpecification;

/** {@link OwnerConsole} on its own: its three files, with the console's security headers. */
class OwnerConsoleTest {
    @TempDir
    Path directory;

    private RoutesFixture fixture;
    private RequestSpecification http;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutesFixture(directory);
        http = fixture.start(new OwnerConsole());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @ParameterizedTest
    @CsvSource({
        "/hackable-console/,            text/html,       <title>Hackable Mail",
        "/hackable-console/console.js,  text/javascript, use strict",
        "/hackable-console/console.css, text/css,        #drop-zone"})
    void eachFileShouldBeServedWithItsTypeAndTheSecurityHeaders(String path, String type, String content) {
        given(http).accept("*/*").get(path)
        .then()
            .statusCode(HttpStatus.OK_200)
            .contentType(startsWith(type))
            .header("Content-Security-Policy", startsWith("default-src 'self'"))
            .header("X-Frame-Options", "DENY")
            .body(containsString(content));
    }

    @Test
    void thePageShouldLoadNothingFromElsewhereNorRunInlineCode() {
        String page = given(http).accept("*/*").get("/hackable-console/").then().extract().asString();

        assertThat(page).doesNotContain("http://", "https://", "<script>", "style=", "onclick=");
    }

    @Test
    void theBasePathShouldRedirectToThePage() {
        given(http).redirects().follow(false).get("/hackable-console")
        .then()
            .statusCode(HttpStatus.MOVED_PERMANENTLY_301)
            .header("Location", containsString("/hackable-console/"));
    }

    @Test
    void anyOtherFileShouldBeNotFound() {
        given(http).get("/hackable-console/..%2Fconsole.js").then().statusCode(HttpStatus.NOT_FOUND_404);
        given(http).get("/hackable-console/secret.txt").then().statusCode(HttpStatus.NOT_FOUND_404)
            .header("Content-Security-Policy", startsWith("default-src 'self'"));
    }
}
