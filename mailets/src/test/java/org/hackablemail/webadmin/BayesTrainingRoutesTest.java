package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.commons.configuration2.MapConfiguration;
import org.awaitility.Awaitility;
import org.hackablemail.bayes.store.Baseline;
import org.hackablemail.bayes.store.BayesStore;
import org.hackablemail.bayes.store.ChangeCursor;
import org.hackablemail.bayes.store.Changes;
import org.hackablemail.bayes.store.EntryWrite;
import org.hackablemail.bayes.store.LuceneBayesStore;
import org.hackablemail.bayes.store.Scope;
import org.hackablemail.bayes.store.TrainingEntry;
import org.hackablemail.bayes.store.TrainingKey;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.store.StorageUnavailableException;
import org.hackablemail.spam.BayesSettings;
import org.hackablemail.spam.SpamFilter;
import org.hackablemail.spam.StorageOutages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

class BayesTrainingRoutesTest {
    @TempDir
    Path directory;

    private BayesRouteFixture fixture;

    private void start(Map<String, Object> properties, Consumer<EntryWrite> beforeWrite) throws Exception {
        HackableMailConfiguration configuration = new HackableMailConfiguration(new MapConfiguration(properties), "test",
            directory);
        BayesStore store = new Poisonable(new StorageOutages(LuceneBayesStore.open(directory.resolve("bayes"))), beforeWrite);
        fixture = new BayesRouteFixture(directory, configuration, new SpamFilter(store, BayesSettings.of(configuration)));
    }

    private void start() throws Exception {
        start(Map.of(), any -> { });
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static String spam(int n) {
        return "From: winner" + n + "@lottery.example\r\nSubject: Claim your casino prize " + n + "\r\n\r\n"
            + "Cheap pills, casino bonus and lottery winnings: claim your prize now, limited offer ref" + n + "\r\n";
    }

    private static List<String> spams(int count) {
        return IntStream.range(0, count).mapToObj(BayesTrainingRoutesTest::spam).toList();
    }

    private static String submit(String query, String body) {
        return given().contentType(ContentType.TEXT).body(body)
            .post(BayesTrainingRoutes.TRAIN_PATH + query)
        .then()
            .statusCode(201)
            .extract().jsonPath().getString("taskId");
    }

    private static JsonPath await(String taskId) {
        return when().get("/tasks/" + taskId + "/await").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldTrainAnUploadedMboxAsATaskAndReportWhatItLearnt() throws Exception {
        start();

        JsonPath task = await(submit("?label=spam", BayesRouteFixture.mbox(spams(25))));

        assertThat(task.getString("status")).isEqualTo("completed");
        assertThat(task.getString("type")).isEqualTo("hackablemail-bayes-train-upload");
        assertThat(task.getString("additionalInformation.type")).isEqualTo("hackablemail-bayes-training");
        assertThat(task.getLong("additionalInformation.processed")).isEqualTo(25);
        assertThat(task.getLong("additionalInformation.learnt")).isEqualTo(25);
        assertThat(task.getString("additionalInformation.layer")).isEqualTo("shared");
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(25));
        try (var uploads = Files.list(fixture.dataDirectory.resolve(BayesTrainingRoutes.UPLOADS_DIRECTORY))) {
            assertThat(uploads).as("the upload is deleted once learnt").isEmpty();
        }
    }

    @Test
    void shouldCountEachMessageOnceWhenTheSameUploadIsTrainedAgain() throws Exception {
        start();
        await(submit("?label=spam", BayesRouteFixture.mbox(spams(5))));

        JsonPath again = await(submit("?label=spam", BayesRouteFixture.mbox(spams(6))));

        assertThat(again.getLong("additionalInformation.learnt")).isEqualTo(1);
        assertThat(again.getLong("additionalInformation.alreadyKnown")).isEqualTo(5);
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(6));
    }

    @Test
    void shouldTrainOneUploadedMessage() throws Exception {
        start();

        JsonPath task = await(submit("?label=ham", spam(1)));

        assertThat(task.getLong("additionalInformation.learnt")).isEqualTo(1);
        when().get(BayesRoutes.BASE_PATH).then().body("hamMessages", is(1));
    }

    @Test
    void shouldTrainAUsersSpamMailboxIntoTheSharedModelByDefault() throws Exception {
        start();
        fixture.append("Spam", spams(4));

        JsonPath task = await(submit("?label=spam&user=" + BayesRouteFixture.ALICE, ""));

        assertThat(task.getString("type")).isEqualTo("hackablemail-bayes-train-mailbox");
        assertThat(task.getString("additionalInformation.mailbox")).isEqualTo("Spam");
        assertThat(task.getLong("additionalInformation.learnt")).isEqualTo(4);
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(4));
    }

    @Test
    void shouldTrainAMailboxIntoTheUsersLayerWhenAsked() throws Exception {
        start();
        fixture.append("Archive", spams(3));

        await(submit("?label=ham&user=" + BayesRouteFixture.ALICE + "&mailbox=Archive&layer=personal", ""));

        when().get(BayesRoutes.BASE_PATH + "/users/" + BayesRouteFixture.ALICE).then().body("hamMessages", is(3));
        when().get(BayesRoutes.BASE_PATH).then().body("hamMessages", is(0));
    }

    @Test
    void shouldGoOnWithTheOtherMessagesWhenOneFails() throws Exception {
        start(Map.of(), write -> {
            if (write.teaching().get().tokens().contains("ref2")) {
                throw new StorageUnavailableException("Cannot write message 2", new IllegalStateException("disk"));
            }
        });

        JsonPath task = await(submit("?label=spam", BayesRouteFixture.mbox(spams(5))));

        assertThat(task.getString("status")).isEqualTo("failed");
        assertThat(task.getLong("additionalInformation.processed")).isEqualTo(5);
        assertThat(task.getLong("additionalInformation.learnt")).isEqualTo(4);
        assertThat(task.getLong("additionalInformation.failed")).isEqualTo(1);
        when().get(BayesRoutes.BASE_PATH).then().body("spamMessages", is(4));
    }

    @Test
    void shouldShowProgressWhileRunningAndStopWhenCancelled() throws Exception {
        start();
        String taskId = submit("?label=spam&messagesPerSecond=4", BayesRouteFixture.mbox(spams(400)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath running = when().get("/tasks/" + taskId).then().extract().jsonPath();
            return running.getString("status").equals("inProgress") && running.getLong("additionalInformation.processed") >= 2;
        });
        when().delete("/tasks/" + taskId).then().statusCode(204);
        JsonPath cancelled = await(taskId);

        assertThat(cancelled.getString("status")).isEqualTo("canceled");
        // The message in hand when the task was cancelled is still learnt; nothing after it.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long before = learnt();
            Thread.sleep(1_000);
            return learnt() == before;
        });
        assertThat(learnt()).isBetween(2L, 399L);
        assertThat(cancelled.getInt("additionalInformation.messagesPerSecond")).isEqualTo(4);
    }

    @Test
    void shouldRefuseAnUploadOverTheTrainingCapWith413() throws Exception {
        start(Map.of("bayes.training.upload.max", "1K"), any -> { });

        given().contentType(ContentType.TEXT).body(BayesRouteFixture.mbox(spams(30)))
            .post(BayesTrainingRoutes.TRAIN_PATH + "?label=spam")
        .then()
            .statusCode(413)
            .body("message", containsString("the limit is 1024 bytes (bayes.training.upload.max)"));
        try (var uploads = Files.list(fixture.dataDirectory.resolve(BayesTrainingRoutes.UPLOADS_DIRECTORY))) {
            assertThat(uploads).isEmpty();
        }
    }

    @Test
    void shouldRefuseBadRequestsWithJsonErrors() throws Exception {
        start();

        given().body(spam(1)).post(BayesTrainingRoutes.TRAIN_PATH + "?label=eggs").then().statusCode(400)
            .body("message", containsString("'label' must be spam or ham, got 'eggs'"));
        given().body("").post(BayesTrainingRoutes.TRAIN_PATH + "?label=spam").then().statusCode(400)
            .body("message", containsString("The body must be an mbox file or one message"));
        given().body(spam(1)).post(BayesTrainingRoutes.TRAIN_PATH + "?label=spam&messagesPerSecond=0").then().statusCode(400)
            .body("message", containsString("'messagesPerSecond' must be"));
        when().post(BayesTrainingRoutes.TRAIN_PATH + "?label=ham&user=" + BayesRouteFixture.ALICE).then().statusCode(400)
            .body("message", containsString("'mailbox' is needed"));
        when().post(BayesTrainingRoutes.TRAIN_PATH + "?label=spam&user=nobody@demo.test").then().statusCode(404);
        when().post(BayesTrainingRoutes.TRAIN_PATH + "?label=spam&user=" + BayesRouteFixture.ALICE + "&layer=everyone")
            .then().statusCode(400).body("message", containsString("'layer' must be shared or personal"));
        when().post(BayesTrainingRoutes.LEARN_INBOX_PATH).then().statusCode(400)
            .body("message", containsString("'after' is needed"));
    }

    @Test
    void shouldLearnAsHamWhatStayedInTheInboxLongEnough() throws Exception {
        start();
        fixture.append("INBOX", List.of("Subject: kept\r\n\r\nA message the user kept\r\n",
            "X-Spam-Bayes: yes\r\nSubject: tagged\r\n\r\nA message tagged spam\r\n"));

        JsonPath task = await(given().post(BayesTrainingRoutes.LEARN_INBOX_PATH + "?after=1ms")
            .then().statusCode(201).extract().jsonPath().getString("taskId"));

        assertThat(task.getString("type")).isEqualTo("hackablemail-bayes-learn-inbox");
        assertThat(task.getLong("additionalInformation.learnt")).isEqualTo(1);
        when().get(BayesRoutes.BASE_PATH + "/users/" + BayesRouteFixture.ALICE).then().body("hamMessages", is(1));
    }

    private long learnt() {
        return fixture.spamFilter.filter().statistics().spamMessages();
    }

    /** The real store, with a hook that may make the write of a given message fail, as a broken disk would. */
    private record Poisonable(BayesStore store, Consumer<EntryWrite> beforeWrite) implements BayesStore {
        @Override
        public Optional<TrainingEntry> entry(TrainingKey key) {
            return store.entry(key);
        }

        @Override
        public Optional<TrainingEntry> write(EntryWrite write) {
            beforeWrite.accept(write);
            return store.write(write);
        }

        @Override
        public List<Optional<TrainingEntry>> writeAll(List<EntryWrite> writes) {
            writes.forEach(beforeWrite);
            return store.writeAll(writes);
        }

        @Override
        public void forEachEntry(Optional<Scope> scope, Consumer<TrainingEntry> consumer) {
            store.forEachEntry(scope, consumer);
        }

        @Override
        public ChangeCursor cursor() {
            return store.cursor();
        }

        @Override
        public Changes changesSince(ChangeCursor cursor, int limit) {
            return store.changesSince(cursor, limit);
        }

        @Override
        public Baseline baseline() {
            return store.baseline();
        }

        @Override
        public void reset(Baseline baseline) {
            store.reset(baseline);
        }

        @Override
        public long sizeInBytes() {
            return store.sizeInBytes();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
