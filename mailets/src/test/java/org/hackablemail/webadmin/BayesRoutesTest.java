package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.configuration2.MapConfiguration;
import org.hackablemail.bayes.Label;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.Source;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.SpamFilters;
import org.hackablemail.spam.SyntheticMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;

class BayesRoutesTest {
    private static final Scope ALICES_LAYER = Scope.user(BayesRouteFixture.ALICE);

    @TempDir
    Path directory;

    private BayesRouteFixture fixture;
    private SpamFilter spamFilter;

    @BeforeEach
    void setUp() throws Exception {
        HackableMailConfiguration configuration = new HackableMailConfiguration(
            new MapConfiguration(Map.of("bayes.training.upload.max", "64K")), "test", directory);
        spamFilter = SpamFilters.in(directory, configuration);
        fixture = new BayesRouteFixture(directory, configuration, spamFilter);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void trainShared() {
        spamFilter.filter().train(Label.SPAM, SyntheticMail.spam());
        spamFilter.filter().train(Label.HAM, SyntheticMail.ham());
    }

    @Test
    void shouldShowTheSharedModelAndTrainingInStatistics() {
        trainShared();
        spamFilter.filter().learn(TrainingKey.mailboxMessage(ALICES_LAYER, "7"), Label.SPAM, Source.MOVE,
            () -> SyntheticMail.spam(99));

        when().get(BayesRoutes.BASE_PATH)
        .then()
            .statusCode(200)
            .body("spamMessages", is(25))
            .body("hamMessages", is(25))
            .body("trainedMessages", is(51))
            .body("usersWithLayers", is(1))
            .body("lastTrained", containsString("T"));
    }

    @Test
    void shouldShowWhatAUsersLayerLearnt() {
        spamFilter.filter().learn(TrainingKey.mailboxMessage(ALICES_LAYER, "7"), Label.SPAM, Source.MOVE,
            () -> SyntheticMail.spam(99));

        when().get(BayesRoutes.BASE_PATH + "/users/" + BayesRouteFixture.ALICE)
        .then()
            .statusCode(200)
            .body("user", is(BayesRouteFixture.ALICE))
            .body("spamMessages", is(1))
            .body("hamMessages", is(0));
        when().get(BayesRoutes.BASE_PATH + "/users/not-an-address").then().statusCode(400);
    }

    @Test
    void shouldShowAndUntrainOneMailboxMessage() {
        spamFilter.filter().learn(TrainingKey.mailboxMessage(ALICES_LAYER, "7"), Label.SPAM, Source.MOVE,
            () -> SyntheticMail.spam(99));
        String path = BayesRoutes.BASE_PATH + "/messages?user=" + BayesRouteFixture.ALICE + "&messageId=7";

        when().get(path).then().statusCode(200)
            .body("user", is(BayesRouteFixture.ALICE))
            .body("message", is("mid:7"))
            .body("state", is("spam"))
            .body("source", is("move"))
            .body("revision", is(1));
        when().delete(path).then().statusCode(200).body("state", is("forgotten")).body("revision", is(2));
        when().delete(path).then().statusCode(404);

        assertThat(spamFilter.filter().model().layer(ALICES_LAYER)).isEmpty();
    }

    @Test
    void shouldUntrainAMessageGivenAsBytes() {
        byte[] message = SyntheticMail.spam(3);
        spamFilter.filter().train(Label.SPAM, java.util.List.of(message));

        given().contentType(ContentType.TEXT).body(new String(message, StandardCharsets.US_ASCII))
            .post(BayesRoutes.BASE_PATH + "/untrain")
        .then()
            .statusCode(200)
            .body("user", nullValue())
            .body("state", is("forgotten"));

        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(0));
        given().body("never trained").post(BayesRoutes.BASE_PATH + "/untrain").then().statusCode(404);
    }

    @Test
    void shouldRefuseAMessageLookupWithoutExactlyOneIdentity() {
        when().get(BayesRoutes.BASE_PATH + "/messages").then().statusCode(400)
            .body("message", containsString("Give either 'messageId'"));
        when().get(BayesRoutes.BASE_PATH + "/messages?messageId=1&sha256=ab").then().statusCode(400);
        when().get(BayesRoutes.BASE_PATH + "/messages?sha256=nothex").then().statusCode(400);
        when().get(BayesRoutes.BASE_PATH + "/messages?messageId=1").then().statusCode(404);
    }

    @Test
    void shouldRestoreAnExportAfterAReset() {
        trainShared();
        String export = when().get(BayesRoutes.BASE_PATH + "/export").then().statusCode(200).extract().asString();

        when().delete(BayesRoutes.BASE_PATH).then().statusCode(204);
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(0));
        given().contentType(ContentType.TEXT).body(export).put(BayesRoutes.BASE_PATH + "/export")
            .then().statusCode(200).body("spamMessages", is(25));
    }

    @Test
    void shouldRefuseAnImportThatIsNotAnExportOrTooLarge() {
        trainShared();

        given().body("not an export\n").put(BayesRoutes.BASE_PATH + "/export")
            .then().statusCode(400).body("message", containsString("Not a Bayes store export"));
        given().body("hackable-mail-bayes\t1\t0\t0\t\n" + "token\t1\t0\n".repeat(10_000)).put(BayesRoutes.BASE_PATH + "/export")
            .then().statusCode(413).body("message", containsString("bayes.training.upload.max"));
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(25));
    }

    @Test
    void shouldAnswer503NamingTheCauseWhenTheStoreIsDown() {
        spamFilter.filter().close();

        when().get(BayesRoutes.BASE_PATH + "/messages?messageId=1")
        .then()
            .statusCode(503)
            .body("type", is("ServerError"))
            .body("message", containsString("The storage is unavailable: Cannot read the Bayes store"));
    }
}
