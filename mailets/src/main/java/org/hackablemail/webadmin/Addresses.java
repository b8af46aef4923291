package org.hackablemail.webadmin;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.eclipse.jetty.http.HttpStatus;
import org.hackablemail.core.Owner;
import org.hackablemail.plugins.JamesOwners;

/** The owners' addresses the admin routes take in their paths, and whether they are local users. */
final class Addresses {
    private final UsersRepository users;

    Addresses(UsersRepository users) {
        this.users = users;
    }

    static Owner owner(String raw) {
        return JamesOwners.of(parse(raw));
    }

    private static MailAddress parse(String raw) {
        try {
            return new MailAddress(raw);
        } catch (Exception e) {
            throw RouteErrors.badRequest("'" + raw + "' is not a mail address");
        }
    }

    /** The owner, or a 404 when it is not a local user. */
    Owner localUser(String raw) {
        MailAddress address = parse(raw);
        try {
            if (!users.contains(Username.fromMailAddress(address))) {
                throw RouteErrors.notFound(address.asString() + " is not a local user");
            }
        } catch (UsersRepositoryException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.INTERNAL_SERVER_ERROR_500)
                .type(ErrorResponder.ErrorType.SERVER_ERROR)
                .message("Cannot look up " + address.asString())
                .cause(e)
                .haltError();
        }
        return JamesOwners.of(address);
    }
}
