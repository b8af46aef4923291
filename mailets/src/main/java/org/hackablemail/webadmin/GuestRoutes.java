package org.hackablemail.webadmin;

import java.util.Map;

import javax.inject.Inject;

import org.apache.james.user.api.UsersRepository;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.Owner;
import org.hackablemail.core.guests.GuestAccess;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Admin routes for the guests, the addresses allowed to push their own plugin through the guest endpoint, behind
 * James's webadmin authentication ({@code docs/webadmin.md}):
 * <ul>
 *   <li>{@code GET /hackable/guests}: every guest with how many push tokens it holds;</li>
 *   <li>{@code PUT /hackable/guests/{address}}: make a local user a guest (204; 404 not a local user). It still
 *       needs an invite for a token;</li>
 *   <li>{@code DELETE /hackable/guests/{address}}: no longer a guest; its tokens are revoked (204; 404 not a
 *       guest);</li>
 *   <li>{@code DELETE /hackable/guests/{address}/tokens}: revoke its tokens, it stays a guest
 *       ({@code {"revoked": n}}).</li>
 * </ul>
 */
public class GuestRoutes implements Routes {
    public static final String BASE_PATH = "/hackable/guests";
    private static final String GUEST_PATH = BASE_PATH + "/:address";
    private static final String ADMIN = "admin";

    private final GuestAccess guests;
    private final Addresses addresses;
    private final JsonTransformer jsonTransformer;

    @Inject
    public GuestRoutes(GuestAccess guests, UsersRepository users, JsonTransformer jsonTransformer) {
        this.guests = guests;
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
        service.get(BASE_PATH, (request, response) -> guests.guests(), jsonTransformer);
        service.put(GUEST_PATH, this::add);
        service.delete(GUEST_PATH, this::remove);
        service.delete(GUEST_PATH + "/tokens", (request, response) ->
            Map.of("revoked", guests.revokeTokens(Addresses.owner(request.params("address")), ADMIN)), jsonTransformer);
    }

    private String add(Request request, Response response) {
        guests.addGuest(addresses.localUser(request.params("address")), ADMIN);
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String remove(Request request, Response response) {
        Owner address = Addresses.owner(request.params("address"));
        if (!guests.removeGuest(address, ADMIN)) {
            throw RouteErrors.notFound(address.asString() + " is not a guest");
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }
}
