package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.webadmin.RoutesFixture.BOB;
import static org.hackablemail.webadmin.RoutesFixture.CAROL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.configuration2.MapConfiguration;
import org.apache.james.core.Username;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.Owner;
import org.hackablemail.core.circuit.Fallback;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** {@link GuestEndpoint} on its own, over HTTP: what an owner does with a push token, and only to their own plugin. */
class GuestEndpointTest {
    @TempDir
    Path directory;

    private RoutesFixture fixture;
    private RequestSpecification http;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutesFixture(directory);
        http = fixture.start(new GuestEndpoint(fixture.guests, fixture.onDisk.plugins(), fixture.traces,
            SandboxLimits.defaults(), HackableMailConfiguration.defaults(directory), new JsonTransformer(), fixture.users));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private String tokenOf(Owner owner) throws Exception {
        String code = fixture.guests.invite(owner, Duration.ofDays(1), Duration.ZERO).orElseThrow();
        return given(http).body("{\"code\": \"" + code + "\"}").post("/hackable-guest/redeem")
            .then().statusCode(HttpStatus.CREATED_201).extract().path("token");
    }

    private RequestSpecification as(String token) {
        return given(http).header("Authorization", "Bearer " + token);
    }

    @Test
    void aTokenShouldBeRefusedOnceItExpired() throws Exception {
        String token = tokenOf(BOB);
        fixture.clock.advance(RoutesFixture.TOKEN_VALIDITY.minusMinutes(1));
        as(token).get("/hackable-guest/plugin/versions").then().statusCode(HttpStatus.OK_200);

        fixture.clock.advance(Duration.ofMinutes(1));

        as(token).get("/hackable-guest/plugin/versions").then().statusCode(HttpStatus.UNAUTHORIZED_401);
    }

    @Test
    void aTokenShouldBeRefusedOnceItsJamesUserIsDeleted() throws Exception {
        String token = tokenOf(BOB);
        as(token).get("/hackable-guest/plugin/versions").then().statusCode(HttpStatus.OK_200);

        fixture.users.removeUser(Username.of(BOB.asString()));

        as(token).get("/hackable-guest/plugin/versions").then().statusCode(HttpStatus.UNAUTHORIZED_401);
    }

    @Test
    void aPushWithoutContentTypeShouldGet415() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + fixture.port() + "/hackable-guest/plugin"))
            .header("Authorization", "Bearer " + tokenOf(BOB))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(RoutesFixture.SUBJECT_TAGGER)))
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE_415);
        assertThat(response.body()).contains("No Content-Type: send the module as application/wasm");
        assertThat(fixture.onDisk.plugins().history(BOB)).isEmpty();
    }

    @Test
    void redeemShouldGiveATokenForTheInvitedAddress() throws Exception {
        String code = fixture.guests.invite(BOB, Duration.ofDays(1), Duration.ZERO).orElseThrow();

        given(http).body("{\"code\": \"" + code + "\"}").post("/hackable-guest/redeem")
        .then()
            .statusCode(HttpStatus.CREATED_201)
            .body("address", equalTo("bob@example.org"))
            .body("token", startsWith("hmt_"));
    }

    @Test
    void redeemShouldReadItsBodyThroughTheCappedJsonReader() {
        given(http).body("{\"code\": ").post("/hackable-guest/redeem")
            .then().statusCode(HttpStatus.BAD_REQUEST_400).body("message", containsString("not valid JSON"));
        given(http).body("{\"other\": \"x\"}").post("/hackable-guest/redeem")
            .then().statusCode(HttpStatus.BAD_REQUEST_400);
        given(http).body("{\"code\": \"" + "x".repeat(2000) + "\"}").post("/hackable-guest/redeem")
            .then().statusCode(HttpStatus.PAYLOAD_TOO_LARGE_413);
    }

    @Test
    void everyAnswerShouldCarryTheConsoleSecurityHeaders() {
        Response refused = given(http).get("/hackable-guest/plugin");

        assertThat(refused.statusCode()).isEqualTo(HttpStatus.UNAUTHORIZED_401);
        assertThat(refused.header("Content-Security-Policy")).startsWith("default-src 'self'");
        assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void traceShouldBeTheTokensOwnersOnly() throws Exception {
        String bobs = tokenOf(BOB);
        String carols = tokenOf(CAROL);
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.push(CAROL, RoutesFixture.SUBJECT_TAGGER);
        fixture.mail(BOB, "for bob");
        fixture.mail(CAROL, "for carol");

        as(bobs).get("/hackable-guest/plugin/trace").then().body("entries.subject", contains("for bob"));
        as(carols).get("/hackable-guest/plugin/trace").then().body("entries.subject", contains("for carol"));
        as(bobs).get("/hackable-guest/plugin/trace?after=0").then().body("entries.subject", contains("for bob"));
        given(http).get("/hackable-guest/plugin/trace").then().statusCode(HttpStatus.UNAUTHORIZED_401);
    }

    @Test
    void aLongPollShouldAnswerWithTheEntryRecordedWhileItWaited() throws Exception {
        String token = tokenOf(BOB);
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        long next = as(token).get("/hackable-guest/plugin/trace").then().extract().jsonPath().getLong("next");

        CompletableFuture<List<String>> polled = CompletableFuture.supplyAsync(() -> as(token)
            .get("/hackable-guest/plugin/trace?after=" + next + "&wait=25s")
            .then().statusCode(HttpStatus.OK_200).extract().jsonPath().getList("entries.subject", String.class));
        fixture.mail(BOB, "while waiting");

        assertThat(polled.get(1, TimeUnit.MINUTES)).containsExactly("while waiting");
    }

    @Test
    void aLongPollWithNothingNewShouldAnswerAnEmptyPage() throws Exception {
        String token = tokenOf(BOB);

        as(token).get("/hackable-guest/plugin/trace?after=0&wait=100ms")
            .then().statusCode(HttpStatus.OK_200).body("entries", empty()).body("next", equalTo(0));
    }

    @Test
    void runShouldShowWhatTheOwnersActivePluginDoes() throws Exception {
        String token = tokenOf(BOB);
        fixture.push(BOB, RoutesFixture.SUBJECT_BLOCKER);
        fixture.onDisk.plugins().setConfig(BOB, Map.of("blocked_subjects", "viagra"), "test");

        as(token).contentType("message/rfc822")
            .body("From: spammer@example.com\r\nSubject: Cheap viagra\r\n\r\nBuy\r\n".getBytes(StandardCharsets.UTF_8))
            .post("/hackable-guest/plugin/run")
        .then()
            .statusCode(HttpStatus.OK_200)
            .body("returnCode", equalTo(77))
            .body("logs[0]", containsString("blocked pattern"));
    }

    @Test
    void configShouldBeTheOwnersOwn() throws Exception {
        String token = tokenOf(BOB);

        as(token).body("{\"greeting\": \"Hi\"}").put("/hackable-guest/plugin/config").then().statusCode(HttpStatus.OK_200);

        assertThat(fixture.onDisk.plugins().config(BOB)).containsEntry("greeting", "Hi");
        assertThat(fixture.onDisk.plugins().config(CAROL)).isEmpty();
    }

    @Test
    void fallbackShouldBeTheOwnersOwnAndShowInTheirPlugin() throws Exception {
        fixture.push(BOB, RoutesFixture.SUBJECT_TAGGER);
        fixture.push(CAROL, RoutesFixture.SUBJECT_TAGGER);
        String token = tokenOf(BOB);

        as(token).body("{\"fallback\": \"spam\"}").put("/hackable-guest/plugin/fallback")
            .then().statusCode(HttpStatus.OK_200).body("fallback", equalTo("spam"));
        as(token).body("{\"fallback\": \"bounce\"}").put("/hackable-guest/plugin/fallback")
            .then().statusCode(HttpStatus.BAD_REQUEST_400);

        as(token).get("/hackable-guest/plugin").then().statusCode(HttpStatus.OK_200)
            .body("circuit.fallback", equalTo("spam"))
            .body("circuit.suspended", equalTo(false));
        assertThat(fixture.onDisk.plugins().circuit(CAROL).fallback()).isEqualTo(Fallback.DELIVER);
    }

    @Test
    void consoleFilesShouldNotCountTowardTheLimitAndALongPollShouldCountOnce() throws Exception {
        fixture.close();
        fixture = new RoutesFixture(directory);
        http = fixture.start(new GuestEndpoint(fixture.guests, fixture.onDisk.plugins(), fixture.traces,
            SandboxLimits.defaults(), new HackableMailConfiguration(new MapConfiguration(
                Map.of("guest.requests.per.minute", "2")), "test", directory), new JsonTransformer(), fixture.users), new OwnerConsole());
        String token = tokenOf(BOB);

        for (int load = 0; load < 10; load++) {
            given(http).get("/hackable-console/").then().statusCode(HttpStatus.OK_200);
            given(http).get("/hackable-console/console.js").then().statusCode(HttpStatus.OK_200);
        }
        as(token).get("/hackable-guest/plugin/trace?after=0&wait=2s").then().statusCode(HttpStatus.OK_200);

        as(token).get("/hackable-guest/plugin/trace").then().statusCode(HttpStatus.TOO_MANY_REQUESTS_429);
    }
}
