package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.webadmin.RoutesFixture.BOB;
import static org.hackablemail.webadmin.RoutesFixture.CAROL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.specification.RequestSpecification;

/** {@link PluginRoutes} on its own, over HTTP, on the real owners' plugins and trace. */
class PluginRoutesTest {
    private static final String BOB_PATH = "/hackable/plugins/bob@example.org";

    @TempDir
    Path directory;

    private RoutesFixture fixture;
    private RequestSpecification http;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutesFixture(directory);
        http = fixture.start(new PluginRoutes(fixture.onDisk.plugins(), fixture.traces, fixture.users,
            new JsonTransformer(), SandboxLimits.defaults()));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void pushShouldStoreAnActiveVersionWithItsSimulationReport() throws Exception {
        given(http).contentType("application/wasm").body(Files.readAllBytes(RoutesFixture.SUBJECT_TAGGER))
            .put(BOB_PATH)
        .then()
            .statusCode(HttpStatus.CREATED_201)
            .body("version", equalTo(1))
            .body("simulations.passed", equalTo(true));
    }

    @Test
    void pushShouldAnswerTheFailedSimulationsInJamesErrorFormat() throws Exception {
        given(http).contentType("application/wasm")
            .body(Files.readAllBytes(RoutesFixture.TEST_PLUGINS.resolve("trap.wasm")))
            .put(BOB_PATH)
        .then()
            .statusCode(HttpStatus.BAD_REQUEST_400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("message", containsString("simulation"))
            .body("details", containsString("trap"))
            .body("simulations.passed", equalTo(false));
        assertThat(fixture.onDisk.plugins().history(BOB)).isEmpty();
    }

    @Test
    void pushShouldAnswer404ForAnAddressThatIsNotALocalUser() throws Exception {
        given(http).contentType("application/wasm").body(Files.readAllBytes(RoutesFixture.SUBJECT_TAGGER))
            .put("/hackable/plugins/nobody@example.org")
        .then()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .body("type", equalTo("notFound"));
    }

    @Test
    void describeShouldGiveTheStatisticsOfEachVersion() throws Exception {
        fixture.push(BOB, RoutesFixture.TEST_PLUGINS.resolve("refuse-77.wasm"));
        fixture.mail(BOB, "one");
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "two");
        fixture.mail(BOB, "three");

        given(http).get(BOB_PATH)
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("active.version", equalTo(2))
            .body("active.stats.calls", equalTo(2))
            .body("active.stats.outcomes.delivered", equalTo(2));
        given(http).get(BOB_PATH + "/versions")
        .then()
            .body("stats.calls", contains(1, 2))
            .body("[0].stats.outcomes.bounced", equalTo(1));
    }

    @Test
    void configShouldBeReadThroughTheCappedJsonReader() {
        given(http).body("{\"greeting\": \"Hi\"}").put(BOB_PATH + "/config").then().statusCode(HttpStatus.OK_200);
        given(http).get(BOB_PATH + "/config").then().body("greeting", equalTo("Hi"));

        given(http).body("{\"greeting\": ").put(BOB_PATH + "/config")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).body("message", containsString("not valid JSON"));
        given(http).body("[1]").put(BOB_PATH + "/config")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).body("message", containsString("JSON object of strings"));
        given(http).body("{\"big\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").put(BOB_PATH + "/config")
            .then().statusCode(HttpStatus.PAYLOAD_TOO_LARGE_413);
    }

    @Test
    void fallbackShouldBeSetForTheOwnerAndShowInTheirPlugin() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);

        given(http).body("{\"fallback\": \"spam\"}").put(BOB_PATH + "/fallback")
            .then().statusCode(HttpStatus.OK_200).body("fallback", equalTo("spam"));
        given(http).body("{}").put(BOB_PATH + "/fallback")
            .then().statusCode(HttpStatus.BAD_REQUEST_400);

        given(http).get(BOB_PATH).then().statusCode(HttpStatus.OK_200).body("circuit.fallback", equalTo("spam"));
        assertThat(fixture.onDisk.plugins().auditLog(Optional.of(BOB), 10))
            .anySatisfy(entry -> assertThat(entry.action()).isEqualTo("fallback"));
    }

    @Test
    void traceShouldGiveTheLatestRunsOldestFirstWithWhatTheyChanged() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "first");
        fixture.mail(BOB, "second");
        fixture.mail(BOB, "third");

        given(http).get(BOB_PATH + "/trace?limit=2")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("entries.subject", contains("second", "third"))
            .body("more", equalTo(true))
            .body("entries[1].outcome", equalTo("delivered"))
            .body("entries[1].version", equalTo(1))
            .body("entries[1].sender", equalTo("alice@example.org"))
            .body("entries[1].delivered.changedHeaders[0].name", equalTo("Subject"))
            .body("entries[1].delivered.changedHeaders[0].value", equalTo("[tagged] third"))
            .body("next", greaterThan(0L));
    }

    @Test
    void traceShouldPageBackAndFollowWithBeforeAndAfter() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        for (String subject : List.of("a", "b", "c", "d")) {
            fixture.mail(BOB, subject);
        }
        List<Long> ids = given(http).get(BOB_PATH + "/trace").then().extract().jsonPath().getList("entries.id", Long.class);

        given(http).get(BOB_PATH + "/trace?limit=2&before=" + ids.get(2))
            .then().body("entries.subject", contains("a", "b")).body("more", equalTo(false));
        given(http).get(BOB_PATH + "/trace?limit=2&after=" + ids.get(0))
            .then().body("entries.subject", contains("b", "c")).body("more", equalTo(true))
            .body("next", equalTo(ids.get(2)));
        given(http).get(BOB_PATH + "/trace?after=" + ids.get(3))
            .then().body("entries", empty()).body("next", equalTo(ids.get(3)));
    }

    @Test
    void traceShouldBeEachOwnersOwn() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.push(CAROL, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "for bob");
        fixture.mail(CAROL, "for carol");

        given(http).get(BOB_PATH + "/trace").then().body("entries.subject", contains("for bob"));
    }

    @Test
    void traceShouldRefuseInvalidParameters() {
        given(http).get(BOB_PATH + "/trace?limit=0").then().statusCode(HttpStatus.BAD_REQUEST_400)
            .body("message", containsString("'limit'"));
        given(http).get(BOB_PATH + "/trace?after=x").then().statusCode(HttpStatus.BAD_REQUEST_400);
        given(http).get(BOB_PATH + "/trace?since=yesterday").then().statusCode(HttpStatus.BAD_REQUEST_400);
        given(http).get(BOB_PATH + "/trace?wait=5s").then().statusCode(HttpStatus.BAD_REQUEST_400)
            .body("message", containsString("'wait' needs 'after'"));
        given(http).get(BOB_PATH + "/trace?after=0&wait=1h").then().statusCode(HttpStatus.BAD_REQUEST_400);
    }

    @Test
    void traceSinceShouldTakeAHowLongAgo() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "recent");

        given(http).get(BOB_PATH + "/trace?since=1h").then().body("entries.subject", contains("recent"));
        given(http).get(BOB_PATH + "/trace?since=2100-01-01T00:00:00Z").then().body("entries", empty());
    }

    @Test
    void deleteTraceShouldForgetIt() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "gone");

        given(http).delete(BOB_PATH + "/trace").then().statusCode(HttpStatus.NO_CONTENT_204);

        given(http).get(BOB_PATH + "/trace").then().body("entries", empty());
    }

    @Test
    void runShouldShowWhatTheActivePluginDoesWithAMessageWithoutTracingIt() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);

        given(http).contentType("message/rfc822")
            .body("From: alice@example.org\r\nSubject: Lunch\r\n\r\nAt noon?\r\n".getBytes(StandardCharsets.UTF_8))
            .post(BOB_PATH + "/run")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("status", equalTo("passed"))
            .body("returnCode", equalTo(0))
            .body("changedHeaders.name", contains("Subject"))
            .body("changedHeaders.value", contains("[tagged] Lunch"))
            .body("deliver.subject", equalTo("[tagged] Lunch"))
            .body("millis", greaterThan(0f))
            .body("reply", nullValue());
        given(http).get(BOB_PATH + "/trace").then().body("entries", hasSize(0));
    }

    @Test
    void runShouldAnswer404WithoutAnActivePlugin() {
        given(http).contentType("message/rfc822").body("Subject: x\r\n\r\ny".getBytes(StandardCharsets.UTF_8))
            .post(BOB_PATH + "/run")
        .then()
            .statusCode(HttpStatus.NOT_FOUND_404);
    }
}
