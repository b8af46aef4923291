package org.hackablemail.core.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hackablemail.core.Owner;
import org.hackablemail.core.store.GuestStore;
import org.hackablemail.core.store.GuestStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemGuestStoreTest extends GuestStoreContract {

    @TempDir
    Path directory;

    @Override
    protected GuestStore store() {
        return new FileSystemGuestStore(directory.resolve("guests.json"));
    }

    @Test
    void shouldReadTheFileOfEarlierReleases() throws Exception {
        Files.writeString(directory.resolve("guests.json"), """
            {"guests":["alice@example.org"],"invites":{},
             "tokens":{"hash":{"address":"alice@example.org","issued":1767225600000}},
             "lastInvite":{"alice@example.org":1767225600000}}""");

        GuestStore store = store();

        assertThat(store.token("hash")).contains(new GuestStore.TokenGrant(ALICE, NOW));
        assertThat(store.isGuest(ALICE)).isTrue();
        assertThat(store.claimInviteSlot(ALICE, NOW.plusSeconds(1), INTERVAL)).isFalse();
    }

    @Test
    void claimInviteSlotShouldForgetTheInviteTimesOlderThanTheInterval() throws Exception {
        GuestStore store = store();
        store.claimInviteSlot(ALICE, NOW, INTERVAL);

        store.claimInviteSlot(Owner.of("bob@example.org"), NOW.plus(INTERVAL).plusSeconds(1), INTERVAL);

        assertThat(Files.readString(directory.resolve("guests.json"))).doesNotContain(ALICE.asString())
            .contains("bob@example.org");
    }
}
