package org.hackablemail.plugins;

import java.util.function.Predicate;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.hackablemail.core.Owner;
import org.hackablemail.core.store.StorageUnavailableException;

/** Where James's addresses become the bundle's {@link Owner}s: the mailets, matchers and routes go through here. */
public final class JamesOwners {
    private JamesOwners() {
    }

    public static Owner of(MailAddress address) {
        return Owner.of(address.asString());
    }

    /**
     * Whether an owner's address is still a James user. James 3.8.1 tells nobody when it deletes a user, so what was
     * granted to an address (a push token) is checked against this at each use.
     */
    public static Predicate<Owner> accountExists(UsersRepository users) {
        return owner -> {
            try {
                return users.contains(users.getUsername(new MailAddress(owner.asString())));
            } catch (AddressException e) {
                return false;
            } catch (UsersRepositoryException e) {
                throw new StorageUnavailableException("Cannot tell whether " + owner + " is a user", e);
            }
        };
    }
}
