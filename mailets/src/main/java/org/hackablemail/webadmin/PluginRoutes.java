package org.hackablemail.webadmin;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.Owner;
import org.hackablemail.core.plugins.OwnerPlugins;
import org.hackablemail.core.store.AuditEntry;
import org.hackablemail.plugin.host.SandboxLimits;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes for mailbox owners' plugins, behind James's webadmin authentication ({@code docs/webadmin.md}):
 * <ul>
 *   <li>{@code GET /hackable/plugins}: the owners who have plugin versions;</li>
 *   <li>{@code GET /hackable/plugins/audit?owner=&limit=}: the audit log, latest last;</li>
 *   <li>{@code PUT /hackable/plugins/{address}[?force=true]}: push (raw module, or multipart with simulation cases);
 *       201; 400 invalid or failing simulations (with the report); 404 not a local user; 413 too large;
 *       415 wrong Content-Type. {@code force} stores it even when simulations fail.</li>
 *   <li>{@code GET|DELETE /hackable/plugins/{address}}: the owner's plugin (active version, config, stats); forget
 *       it all;</li>
 *   <li>{@code GET /hackable/plugins/{address}/versions}, {@code POST .../versions/{n}/activate},
 *       {@code GET .../versions/{n}/wasm};</li>
 *   <li>{@code GET|PUT /hackable/plugins/{address}/config}: what {@code config_get} returns;</li>
 *   <li>{@code POST /hackable/plugins/{address}/run}: the active plugin run on the message of the body, simulated
 *       (nothing delivered, replied or stored);</li>
 *   <li>{@code GET|DELETE /hackable/plugins/{address}/trace}: what the owner's plugin did with each message
 *       ({@link TraceRequests}); forget it;</li>
 *   <li>{@code PUT /hackable/plugins/{address}/fallback} {@code {"fallback": "deliver"|"spam"}}: where the owner's
 *       mail goes while the circuit breaker suspends their plugin.</li>
 * </ul>
 */
public class PluginRoutes implements Routes {
    public static final String BASE_PATH = "/hackable/plugins";
    private static final String AUDIT_PATH = BASE_PATH + "/audit";
    private static final String OWNER_PATH = BASE_PATH + "/:address";
    private static final String VERSIONS_PATH = OWNER_PATH + "/versions";
    private static final String VERSION_PATH = VERSIONS_PATH + "/:version";
    private static final String CONFIG_PATH = OWNER_PATH + "/config";
    private static final String TRACE_PATH = OWNER_PATH + "/trace";
    private static final String FALLBACK_PATH = OWNER_PATH + "/fallback";
    private static final int DEFAULT_AUDIT_LIMIT = 100;
    private static final String ADMIN = "admin";

    /** An owner in the list of owners. */
    public record OwnerSummary(String owner, Integer activeVersion, int versions) {
    }

    private final OwnerPlugins plugins;
    private final PluginActions actions;
    private final TraceRequests traces;
    private final Addresses addresses;
    private final JsonTransformer jsonTransformer;

    @Inject
    public PluginRoutes(OwnerPlugins plugins, TraceRequests traces, UsersRepository users,
                        JsonTransformer jsonTransformer, SandboxLimits limits) {
        this.plugins = plugins;
        this.actions = new PluginActions(plugins, limits);
        this.traces = traces;
        this.addresses = new Addresses(users);
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
        service.get(BASE_PATH, (request, response) -> owners(), jsonTransformer);
        service.get(AUDIT_PATH, (request, response) -> audit(request), jsonTransformer);
        service.put(OWNER_PATH, this::push, jsonTransformer);
        service.get(OWNER_PATH, (request, response) -> actions.describe(knownOwner(request)), jsonTransformer);
        service.delete(OWNER_PATH, (request, response) -> actions.delete(address(request), response, actor(request)));
        service.get(VERSIONS_PATH, (request, response) -> actions.versions(knownOwner(request)), jsonTransformer);
        service.post(VERSION_PATH + "/activate", (request, response) ->
            actions.activate(address(request), request, actor(request)), jsonTransformer);
        service.get(VERSION_PATH + "/wasm", (request, response) -> actions.module(address(request), request, response));
        service.get(CONFIG_PATH, (request, response) -> actions.config(address(request)), jsonTransformer);
        service.put(CONFIG_PATH, (request, response) ->
            actions.setConfig(localUser(request), request, actor(request)), jsonTransformer);
        service.post(OWNER_PATH + "/run", (request, response) -> actions.tryOn(address(request), request),
            jsonTransformer);
        service.get(TRACE_PATH, (request, response) -> traces.read(address(request), request), jsonTransformer);
        service.delete(TRACE_PATH, (request, response) -> {
            traces.delete(address(request));
            response.status(HttpStatus.NO_CONTENT_204);
            return "";
        });
        service.put(FALLBACK_PATH, (request, response) ->
            actions.setFallback(localUser(request), request, actor(request)), jsonTransformer);
    }

    private PluginActions.VersionDto push(Request request, Response response) {
        PluginUpload upload = actions.upload(request);
        return actions.push(localUser(request), upload, response, actor(request), !forced(request));
    }

    private List<OwnerSummary> owners() {
        return plugins.owners().stream().sorted()
            .map(owner -> new OwnerSummary(owner.asString(), plugins.activeVersion(owner)
                .map(version -> version.version()).orElse(null), plugins.history(owner).size()))
            .collect(Collectors.toList());
    }

    private List<AuditEntryDto> audit(Request request) {
        int limit = Optional.ofNullable(request.queryParams("limit")).map(PluginRoutes::limit).orElse(DEFAULT_AUDIT_LIMIT);
        return plugins.auditLog(Optional.ofNullable(request.queryParams("owner")).map(Addresses::owner), limit).stream()
            .map(AuditEntryDto::of)
            .collect(Collectors.toList());
    }

    /** An audit entry, its time as ISO-8601 text. */
    public record AuditEntryDto(String time, String actor, String owner, String action, String detail) {
        static AuditEntryDto of(AuditEntry entry) {
            return new AuditEntryDto(entry.time().toString(), entry.actor(), entry.owner().asString(), entry.action(),
                entry.detail());
        }
    }

    private Owner knownOwner(Request request) {
        Owner owner = address(request);
        if (plugins.history(owner).isEmpty() && plugins.config(owner).isEmpty()) {
            throw RouteErrors.notFound(owner.asString() + " has no plugin");
        }
        return owner;
    }

    private Owner localUser(Request request) {
        return addresses.localUser(request.params("address"));
    }

    private static boolean forced(Request request) {
        return Boolean.parseBoolean(request.queryParams("force"));
    }

    /** James 3.8.1's webadmin JWT filter checks the token but does not tell routes whose it is. */
    private static String actor(Request request) {
        return ADMIN;
    }

    private static int limit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RouteErrors.badRequest("'limit' must be a positive number, not '" + raw + "'");
    }

    private static Owner address(Request request) {
        return Addresses.owner(request.params("address"));
    }
}
