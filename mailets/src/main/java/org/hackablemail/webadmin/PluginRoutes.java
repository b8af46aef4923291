package org.hackablemail.webadmin;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.plugin.host.PluginRejectedException;
import org.hackablemail.plugin.host.SandboxLimits;
import org.hackablemail.plugin.store.PluginVersion;
import org.hackablemail.plugins.OwnerPlugins;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes to install and remove mailbox owners' plugins:
 * <ul>
 *   <li>{@code PUT /hackable/plugins/{address}}: the body is the raw Wasm module, whatever the Content-Type; it is
 *       validated and compiled before it becomes active. 201 with the new version; 400 when the module is refused;
 *       413 when it is larger than {@code plugin.module.max}; 404 when the address is not a local user.</li>
 *   <li>{@code GET /hackable/plugins/{address}}: the active version; 404 when there is none.</li>
 *   <li>{@code DELETE /hackable/plugins/{address}}: the owner's mail is no longer handled by a plugin. 204; 404.</li>
 * </ul>
 * Listed in {@code webadmin.properties} as {@code extensions.routes=org.hackablemail.webadmin.PluginRoutes}.
 */
public class PluginRoutes implements Routes {
    public static final String BASE_PATH = "/hackable/plugins";
    private static final String OWNER_PATH = BASE_PATH + "/:address";

    /** A plugin version as the routes show it. */
    public record VersionDto(String owner, int version, String digest, long size, String pushedAt, String pushedBy) {
        static VersionDto of(PluginVersion version) {
            return new VersionDto(version.owner(), version.version(), version.digest().hex(), version.size(),
                version.pushedAt().toString(), version.pushedBy());
        }
    }

    private final OwnerPlugins plugins;
    private final UsersRepository users;
    private final JsonTransformer jsonTransformer;
    private final int maxModuleBytes;

    @Inject
    public PluginRoutes(OwnerPlugins plugins, UsersRepository users, JsonTransformer jsonTransformer, SandboxLimits limits) {
        this.plugins = plugins;
        this.users = users;
        this.jsonTransformer = jsonTransformer;
        this.maxModuleBytes = limits.maxModuleBytes();
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.put(OWNER_PATH, this::install, jsonTransformer);
        service.get(OWNER_PATH, this::active, jsonTransformer);
        service.delete(OWNER_PATH, this::remove);
    }

    private VersionDto install(Request request, Response response) {
        MailAddress owner = localUser(request);
        byte[] wasm = request.bodyAsBytes();
        if (wasm.length > maxModuleBytes) {
            throw error(HttpStatus.PAYLOAD_TOO_LARGE_413, ErrorResponder.ErrorType.INVALID_ARGUMENT,
                "The plugin is " + wasm.length + " bytes; the limit is " + maxModuleBytes + " (plugin.module.max)");
        }
        try {
            PluginVersion version = plugins.install(owner, wasm, "admin:" + Optional.ofNullable(request.attribute("login")).orElse("unknown"));
            response.status(HttpStatus.CREATED_201);
            return VersionDto.of(version);
        } catch (PluginRejectedException e) {
            throw error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, "Invalid plugin: " + e.getMessage());
        }
    }

    private VersionDto active(Request request, Response response) {
        MailAddress owner = address(request);
        return plugins.activeVersion(owner)
            .map(VersionDto::of)
            .orElseThrow(() -> error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND,
                owner.asString() + " has no active plugin"));
    }

    private String remove(Request request, Response response) {
        MailAddress owner = address(request);
        if (!plugins.remove(owner)) {
            throw error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, owner.asString() + " has no active plugin");
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private MailAddress localUser(Request request) {
        MailAddress owner = address(request);
        try {
            if (!users.contains(Username.fromMailAddress(owner))) {
                throw error(HttpStatus.NOT_FOUND_404, ErrorResponder.ErrorType.NOT_FOUND, owner.asString() + " is not a local user");
            }
        } catch (UsersRepositoryException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.INTERNAL_SERVER_ERROR_500)
                .type(ErrorResponder.ErrorType.SERVER_ERROR)
                .message("Cannot look up " + owner.asString())
                .cause(e)
                .haltError();
        }
        return owner;
    }

    private static MailAddress address(Request request) {
        String raw = request.params("address");
        try {
            return new MailAddress(raw);
        } catch (Exception e) {
            throw error(HttpStatus.BAD_REQUEST_400, ErrorResponder.ErrorType.INVALID_ARGUMENT, "'" + raw + "' is not a mail address");
        }
    }

    private static spark.HaltException error(int status, ErrorResponder.ErrorType type, String message) {
        return ErrorResponder.builder()
            .statusCode(status)
            .type(type)
            .message(message)
            .haltError();
    }
}
