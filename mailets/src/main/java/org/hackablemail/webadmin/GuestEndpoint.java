package org.hackablemail.webadmin;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.PublicRoutes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.config.HackableMailConfiguration;
import org.hackablemail.config.ValueParsers;
import org.hackablemail.core.RateLimiter;
import org.hackablemail.core.Owner;
import org.hackablemail.core.guests.GuestAccess;
import org.hackablemail.core.guests.InvalidCodeException;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugins.JamesOwners;
import org.hackablemail.plugin.simulation.SimulationReport;


import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Route;
import spark.Service;

/**
 * The guest endpoint: mailbox owners manage their own plugin with the push token they got for an invite
 * ({@code docs/webadmin.md}). James's webadmin authentication does not apply (it is a {@link PublicRoutes}); every
 * route but {@code redeem} takes {@code Authorization: Bearer <token>} and acts on the token's address only, so no
 * answer tells anything about other addresses. A token expires after {@code guest.token.validity} and is refused
 * once its address is no longer a James user. Each client address gets at most {@code guest.requests.per.minute}
 * requests a minute; modules are capped as for admins.
 * <ul>
 *   <li>{@code POST /hackable-guest/redeem} {@code {"code": ...}}: 201 {@code {"address", "token"}};</li>
 *   <li>{@code GET|PUT|DELETE /hackable-guest/plugin}: the plugin; push (simulations enforced); delete;</li>
 *   <li>{@code POST /hackable-guest/plugin/test}: the simulation report, nothing stored;</li>
 *   <li>{@code GET /hackable-guest/plugin/versions}, {@code POST .../versions/{n}/activate};</li>
 *   <li>{@code GET|PUT /hackable-guest/plugin/config};</li>
 *   <li>{@code POST /hackable-guest/plugin/run}: the active plugin run on the message of the body, simulated;</li>
 *   <li>{@code GET /hackable-guest/plugin/trace}: what the plugin did with each message ({@link TraceRequests});
 *       a long poll ({@code wait}) counts once toward the rate;</li>
 *   <li>{@code PUT /hackable-guest/plugin/fallback} {@code {"fallback": "deliver"|"spam"}}: where mail goes while
 *       the plugin is suspended;</li>
 *   <li>{@code DELETE /hackable-guest/token}: revoke the token used.</li>
 * </ul>
 * Every answer carries the owner console's security headers ({@link BrowserHeaders}).
 */
public class GuestEndpoint implements PublicRoutes {
    public static final String BASE_PATH = "/hackable-guest";
    static final String REQUESTS_PER_MINUTE = "guest.requests.per.minute";
    /** How long a push token may be used after it was issued ({@code hackable-mail.properties}). */
    public static final String TOKEN_VALIDITY = "guest.token.validity";
    private static final String PLUGIN_PATH = BASE_PATH + "/plugin";
    private static final String VERSIONS_PATH = PLUGIN_PATH + "/versions";
    private static final String BEARER = "Bearer ";
    private static final int MAX_REDEEM_BYTES = 1024;

    /** A guest's handler, given the address its token is bound to. */
    @FunctionalInterface
    private interface GuestRoute {
        Object handle(Owner guest, Request request, Response response);
    }

    private final GuestAccess guests;
    private final Predicate<Owner> accountExists;
    private final PluginActions actions;
    private final TraceRequests traces;
    private final RateLimiter rateLimiter;
    private final JsonTransformer jsonTransformer;

    @Inject
    public GuestEndpoint(GuestAccess guests, OwnerPlugins plugins, TraceRequests traces, SandboxLimits limits,
                         HackableMailConfiguration configuration, JsonTransformer jsonTransformer, UsersRepository users) {
        this(guests, plugins, traces, limits, configuration, jsonTransformer, JamesOwners.accountExists(users));
    }

    /** @param accountExists whether an address still has its James user: a token of a deleted user is refused */
    GuestEndpoint(GuestAccess guests, OwnerPlugins plugins, TraceRequests traces, SandboxLimits limits,
                  HackableMailConfiguration configuration, JsonTransformer jsonTransformer,
                  Predicate<Owner> accountExists) {
        this.guests = guests;
        this.accountExists = accountExists;
        this.actions = new PluginActions(plugins, limits);
        this.traces = traces;
        this.rateLimiter = new RateLimiter(configuration.value(REQUESTS_PER_MINUTE, "60", ValueParsers::positiveInt),
            Duration.ofMinutes(1), Clock.systemUTC());
        this.jsonTransformer = jsonTransformer;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        RouteErrors.answerStorageOutages(service);
        RouteErrors.answerBusySandbox(service);
        service.before(BASE_PATH + "/*", (request, response) -> {
            // Before anything may halt, so that errors carry them too.
            BrowserHeaders.apply(response);
            if (!rateLimiter.allow(request.ip())) {
                throw RouteErrors.error(HttpStatus.TOO_MANY_REQUESTS_429, ErrorResponder.ErrorType.INVALID_ARGUMENT,
                    "Too many requests from " + request.ip() + ": try again in a minute");
            }
        });
        service.post(BASE_PATH + "/redeem", this::redeem, jsonTransformer);
        service.get(PLUGIN_PATH, guest((owner, request, response) -> actions.describe(owner)), jsonTransformer);
        service.put(PLUGIN_PATH, guest(this::push), jsonTransformer);
        service.delete(PLUGIN_PATH, guest((owner, request, response) -> actions.delete(owner, response, actor(owner))));
        service.post(PLUGIN_PATH + "/test", guest(this::test), jsonTransformer);
        service.get(VERSIONS_PATH, guest((owner, request, response) -> actions.versions(owner)), jsonTransformer);
        service.post(VERSIONS_PATH + "/:version/activate", guest((owner, request, response) ->
            actions.activate(owner, request, actor(owner))), jsonTransformer);
        service.get(PLUGIN_PATH + "/config", guest((owner, request, response) -> actions.config(owner)),
            jsonTransformer);
        service.put(PLUGIN_PATH + "/config", guest((owner, request, response) ->
            actions.setConfig(owner, request, actor(owner))), jsonTransformer);
        service.post(PLUGIN_PATH + "/run", guest((owner, request, response) -> actions.tryOn(owner, request)),
            jsonTransformer);
        service.get(PLUGIN_PATH + "/trace", guest((owner, request, response) -> traces.read(owner, request)),
            jsonTransformer);
        service.put(PLUGIN_PATH + "/fallback", guest((owner, request, response) ->
            actions.setFallback(owner, request, actor(owner))), jsonTransformer);
        service.delete(BASE_PATH + "/token", this::revoke);
    }

    private GuestAccess.Redeemed redeem(Request request, Response response) {
        String code = code(request);
        try {
            GuestAccess.Redeemed redeemed = guests.redeem(code);
            response.status(HttpStatus.CREATED_201);
            return redeemed;
        } catch (InvalidCodeException e) {
            throw RouteErrors.badRequest(e.getMessage());
        }
    }

    private PluginActions.VersionDto push(Owner owner, Request request, Response response) {
        PluginUpload upload = actions.upload(request);
        return actions.push(owner, upload, response, actor(owner), true);
    }

    private SimulationReport test(Owner owner, Request request, Response response) {
        return actions.test(owner, actions.upload(request));
    }

    private String revoke(Request request, Response response) {
        guests.revokeToken(token(request)).orElseThrow(GuestEndpoint::unauthorized);
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Route guest(GuestRoute route) {
        return (request, response) -> route.handle(
            guests.authenticate(token(request), accountExists).orElseThrow(GuestEndpoint::unauthorized), request,
            response);
    }

    private static String token(Request request) {
        return Optional.ofNullable(request.headers("Authorization"))
            .filter(header -> header.startsWith(BEARER))
            .map(header -> header.substring(BEARER.length()).trim())
            .filter(token -> !token.isEmpty())
            .orElseThrow(GuestEndpoint::unauthorized);
    }

    private static HaltException unauthorized() {
        return RouteErrors.error(HttpStatus.UNAUTHORIZED_401, ErrorResponder.ErrorType.INVALID_ARGUMENT,
            "Missing, invalid or revoked push token: send 'Authorization: Bearer <token>' with the token you got "
                + "for your invite");
    }

    /** What redeeming an invite takes. */
    record RedeemRequest(String code) {
    }

    private static String code(Request request) {
        String expected = "send the invite code as {\"code\": \"<your invite code>\"}";
        RedeemRequest redeem = RequestBodies.json(request, MAX_REDEEM_BYTES, RedeemRequest.class, "The request", expected);
        if (redeem.code() == null) {
            throw RouteErrors.badRequest("The request has no code: " + expected);
        }
        return redeem.code();
    }

    private static String actor(Owner owner) {
        return owner.asString();
    }
}
