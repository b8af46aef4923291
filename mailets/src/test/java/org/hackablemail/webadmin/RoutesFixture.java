package org.hackablemail.webadmin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Domain;
import org.apache.james.core.Username;
import org.apache.james.dnsservice.api.InMemoryDNSService;
import org.apache.james.domainlist.lib.DomainListConfiguration;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.hackablemail.core.Owner;
import org.hackablemail.core.SettableClock;
import org.hackablemail.core.cache.RefreshPolicy;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.plugins.OwnerPluginsOnDisk;
import org.hackablemail.plugin.email.IncomingEmail;
import org.hackablemail.plugin.email.PluginInput;
import org.hackablemail.plugin.host.SandboxLimits;

import io.restassured.specification.RequestSpecification;

/**
 * What the route tests run their route classes on, as James's own route tests do: a webadmin server of
 * {@link WebAdminUtils} with only the routes under test, the real owners' plugins on disk with the real host, the
 * real guests, and James's in-memory users ({@code bob@example.org} and {@code carol@example.org}).
 */
final class RoutesFixture implements AutoCloseable {
    static final Path TEST_PLUGINS = Path.of("../plugin-host/src/test/resources/plugins");
    static final Path EXAMPLES = Path.of("../pdk/examples");
    static final Path SUBJECT_TAGGER = EXAMPLES.resolve("subject-tagger-wat/subject-tagger.wasm");
    static final Path SUBJECT_BLOCKER = EXAMPLES.resolve("subject-blocker-c/subject-blocker.wasm");
    static final Owner BOB = Owner.of("bob@example.org");
    static final Owner CAROL = Owner.of("carol@example.org");

    /** Push tokens are valid for this long; {@link #clock} moves the guests' time. */
    static final Duration TOKEN_VALIDITY = Duration.ofDays(90);

    final SettableClock clock = new SettableClock();
    final OwnerPluginsOnDisk onDisk;
    final GuestAccess guests;
    final TraceRequests traces;
    final MemoryUsersRepository users;
    private WebAdminServer server;

    RoutesFixture(Path directory) throws Exception {
        onDisk = new OwnerPluginsOnDisk(directory, SandboxLimits.defaults());
        guests = new GuestAccess(onDisk.storage().guests(), onDisk.storage().variables(), onDisk.storage().audit(),
            clock, new RefreshPolicy(Duration.ofSeconds(5), clock, Runnable::run), TOKEN_VALIDITY);
        traces = new TraceRequests(onDisk.trace());
        MemoryDomainList domains = new MemoryDomainList(new InMemoryDNSService());
        domains.configure(DomainListConfiguration.builder().autoDetect(false).autoDetectIp(false).build());
        domains.addDomain(Domain.of("example.org"));
        users = MemoryUsersRepository.withVirtualHosting(domains);
        users.addUser(Username.of(BOB.asString()), "secret");
        users.addUser(Username.of(CAROL.asString()), "secret");
    }

    /** Starts a webadmin server with these routes; the specification talks to it. */
    RequestSpecification start(Routes... routes) {
        server = WebAdminUtils.createWebAdminServer(routes).start();
        return WebAdminUtils.spec(server.getPort()).urlEncodingEnabled(false);
    }

    /** The port of the server {@link #start} started. */
    int port() {
        return server.getPort().getValue();
    }

    void push(Owner owner, Path plugin) throws Exception {
        onDisk.plugins().push(owner, Files.readAllBytes(plugin), List.of(), "test", false);
    }

    /** A message from alice through the owner's plugin, as the mailet runs it. */
    void mail(Owner owner, String subject) {
        IncomingEmail email = IncomingEmail.builder().sender("alice@example.org").receiver(owner.asString())
            .headers(Map.of("Subject", subject)).body("Hello").messageId("<" + Math.abs(subject.hashCode()) + "@example.org>")
            .subject(subject).build();
        onDisk.plugins().run(owner, PluginInput.fitted(email, 1024 * 1024), true);
    }

    @Override
    public void close() {
        if (server != null) {
            server.destroy();
        }
        onDisk.close();
    }
}
