package org.hackablemail.webadmin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.core.store.fs.FileSystemGuestStore;
import org.hackablemail.plugin.host.SandboxLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.Service;

/** A route whose storage cannot be read answers 503 naming the cause, over real HTTP on loopback. */
class StorageOutageRoutesTest {
    @TempDir
    Path directory;

    private OwnerPluginsOnDisk onDisk;
    private Service service;

    @BeforeEach
    void setUp() throws Exception {
        onDisk = new OwnerPluginsOnDisk(directory, SandboxLimits.defaults());
        // The guests' file is a directory: every read of it fails as a broken disk would.
        Path unreadable = Files.createDirectories(directory.resolve("broken").resolve("guests.json"));
        GuestAccess guests = new GuestAccess(new FileSystemGuestStore(unreadable), onDisk.storage().variables(),
            onDisk.storage().audit(), Clock.systemUTC(),
            new RefreshPolicy(Duration.ofSeconds(5), Clock.systemUTC(), Runnable::run), Duration.ofDays(90));
        service = Service.ignite().ipAddress("127.0.0.1").port(0);
        new GuestEndpoint(guests, onDisk.plugins(), new TraceRequests(onDisk.trace()), SandboxLimits.defaults(),
            HackableMailConfiguration.defaults(directory), new JsonTransformer(),
            MemoryUsersRepository.withoutVirtualHosting(new MemoryDomainList(new InMemoryDNSService()))).define(service);
        service.awaitInitialization();
    }

    @AfterEach
    void tearDown() {
        service.stop();
        service.awaitStop();
        onDisk.close();
    }

    @Test
    void aRouteShouldAnswer503NamingTheCauseWhenTheStorageCannotBeRead() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + GuestEndpoint.BASE_PATH + "/plugin"))
            .header("Authorization", "Bearer hmt_some-token")
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
            assertThat(type).startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("statusCode").asInt()).isEqualTo(503);
        assertThat(body.path("type").asText()).isEqualTo("ServerError");
        assertThat(body.path("message").asText()).isEqualTo("The storage is unavailable: Cannot read the guests from "
            + directory.resolve("broken").resolve("guests.json"));
        assertThat(body.path("details").asText()).contains("Is a directory");
    }
}
