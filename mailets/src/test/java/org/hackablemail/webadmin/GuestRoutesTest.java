package org.hackablemail.webadmin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hackablemail.webadmin.RoutesFixture.BOB;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.specification.RequestSpecification;

/** {@link GuestRoutes} on its own: admins manage who may push. */
class GuestRoutesTest {
    @TempDir
    Path directory;

    private RoutesFixture fixture;
    private RequestSpecification http;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RoutesFixture(directory);
        http = fixture.start(new GuestRoutes(fixture.guests, fixture.users, new JsonTransformer()));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void addingALocalUserShouldMakeItAGuest() {
        given(http).put("/hackable/guests/bob@example.org").then().statusCode(HttpStatus.NO_CONTENT_204);

        given(http).get("/hackable/guests").then().body("address", contains("bob@example.org"));
    }

    @Test
    void addingAnAddressThatIsNotALocalUserShouldAnswer404() {
        given(http).put("/hackable/guests/nobody@example.org").then().statusCode(HttpStatus.NOT_FOUND_404);
    }

    @Test
    void removingAGuestShouldRevokeItsTokens() throws Exception {
        String code = fixture.guests.invite(BOB, Duration.ofDays(1), Duration.ZERO).orElseThrow();
        String token = fixture.guests.redeem(code).token();

        given(http).delete("/hackable/guests/bob@example.org").then().statusCode(HttpStatus.NO_CONTENT_204);

        assertThat(fixture.guests.authenticate(token, owner -> true)).isEmpty();
        given(http).delete("/hackable/guests/bob@example.org").then().statusCode(HttpStatus.NOT_FOUND_404);
    }

    @Test
    void revokingTokensShouldSayHowMany() throws Exception {
        fixture.guests.redeem(fixture.guests.invite(BOB, Duration.ofDays(1), Duration.ZERO).orElseThrow());

        given(http).delete("/hackable/guests/bob@example.org/tokens").then().body("revoked", equalTo(1));
    }
}
