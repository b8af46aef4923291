package org.hackablemail.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.hackablemail.core.SettableClock;
import org.hackablemail.core.store.StorageUnavailableException;
import org.junit.jupiter.api.Test;

class RefreshingCacheTest {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final SettableClock clock = new SettableClock();
    private final ManualExecutor reloads = new ManualExecutor();
    private final Map<String, String> store = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private boolean storeDown;

    private RefreshingCache<String, String> cache(int maxEntries) {
        return new RefreshingCache<>("test value", new RefreshPolicy(REFRESH, clock, reloads), maxEntries, key -> {
            loads.incrementAndGet();
            if (storeDown) {
                throw new StorageUnavailableException("store down", new IOException("disk gone"));
            }
            return store.getOrDefault(key, "none");
        });
    }

    @Test
    void getShouldLoadOnceAndServeTheCachedValueWithinTheInterval() {
        RefreshingCache<String, String> cache = cache(10);
        store.put("bob", "v1");

        assertThat(cache.get("bob")).isEqualTo("v1");
        store.put("bob", "v2");
        clock.advance(REFRESH.minusMillis(1));

        assertThat(cache.get("bob")).isEqualTo("v1");
        assertThat(reloads.runPending()).isZero();
        assertThat(loads).hasValue(1);
    }

    @Test
    void getShouldServeTheOldValueAndReloadInTheBackgroundOnceTheIntervalPassed() {
        RefreshingCache<String, String> cache = cache(10);
        store.put("bob", "v1");
        cache.get("bob");
        store.put("bob", "v2");
        clock.advance(REFRESH);

        assertThat(cache.get("bob")).isEqualTo("v1");
        assertThat(cache.get("bob")).isEqualTo("v1");
        assertThat(reloads.runPending()).as("one reload, however many reads").isEqualTo(1);

        assertThat(cache.get("bob")).isEqualTo("v2");
    }

    @Test
    void getShouldKeepServingTheCachedValueWhileTheStoreIsDownAndRetryOneIntervalLater() {
        RefreshingCache<String, String> cache = cache(10);
        store.put("bob", "v1");
        cache.get("bob");
        storeDown = true;
        clock.advance(REFRESH);

        cache.get("bob");
        reloads.runPending();

        assertThat(cache.get("bob")).isEqualTo("v1");
        assertThat(reloads.runPending()).as("no retry before another interval").isZero();

        storeDown = false;
        store.put("bob", "v2");
        clock.advance(REFRESH);
        cache.get("bob");
        reloads.runPending();
        assertThat(cache.get("bob")).isEqualTo("v2");
    }

    @Test
    void getShouldThrowWhenTheStoreIsDownAndNothingIsCached() {
        RefreshingCache<String, String> cache = cache(10);
        storeDown = true;

        assertThatThrownBy(() -> cache.get("bob")).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void invalidateShouldMakeTheNextReadLoadAtOnce() {
        RefreshingCache<String, String> cache = cache(10);
        store.put("bob", "v1");
        cache.get("bob");
        store.put("bob", "v2");

        cache.invalidate("bob");

        assertThat(cache.get("bob")).isEqualTo("v2");
    }

    @Test
    void aReloadUnderWayWhenTheKeyIsInvalidatedShouldNotPutItsValueBack() {
        RefreshingCache<String, String> cache = cache(10);
        store.put("bob", "v1");
        cache.get("bob");
        clock.advance(REFRESH);
        cache.get("bob");
        cache.invalidate("bob");
        store.put("bob", "v2");
        cache.get("bob");
        store.put("bob", "v3");

        reloads.runPending();

        assertThat(cache.get("bob")).as("a reload of a dropped entry does not replace the entry read since")
            .isEqualTo("v2");
    }

    @Test
    void aFirstLoadUnderWayWhenTheKeyIsInvalidatedShouldNotBeKept() {
        AtomicInteger calls = new AtomicInteger();
        RefreshingCache<String, String>[] holder = new RefreshingCache[1];
        holder[0] = new RefreshingCache<>("test value", new RefreshPolicy(REFRESH, clock, reloads), 10, key -> {
            if (calls.incrementAndGet() == 1) {
                holder[0].invalidate(key);
                return "read before the change";
            }
            return "read after the change";
        });

        assertThat(holder[0].get("bob")).isEqualTo("read before the change");
        assertThat(holder[0].get("bob")).isEqualTo("read after the change");
    }

    @Test
    void theLeastRecentlyReadEntryShouldBeDroppedBeyondTheBound() {
        RefreshingCache<String, String> cache = cache(2);
        cache.get("a");
        cache.get("b");
        cache.get("a");

        cache.get("c");
        assertThat(loads).hasValue(3);

        cache.get("a");
        assertThat(loads).hasValue(3);
        cache.get("b");
        assertThat(loads).hasValue(4);
    }
}
