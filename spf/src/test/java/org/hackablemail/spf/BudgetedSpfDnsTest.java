package org.hackablemail.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BudgetedSpfDnsTest {
    private static final InetAddress CLIENT = IpAddresses.parse("192.0.2.1").orElseThrow();
    private static final ZoneDns ZONE = ZoneDns.of(Map.of("example.com", List.of(Map.of("TXT", "v=spf1 ip4:192.0.2.1 -all"))));

    @Test
    void checkShouldGiveTemperrorWhenBudgetIsSpent() {
        SpfChecker checker = new SpfChecker(BudgetedSpfDns.startingNow(ZONE, Duration.ZERO), "mx.example.org");

        SpfVerdict verdict = checker.checkMailFrom(CLIENT, "a@example.com", "mail.example.com");

        assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(verdict.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("time budget"));
    }

    @Test
    void checkShouldUseTheDelegateWithinBudget() {
        SpfChecker checker = new SpfChecker(BudgetedSpfDns.startingNow(ZONE, Duration.ofDays(1)), "mx.example.org");

        assertThat(checker.checkMailFrom(CLIENT, "a@example.com", "mail.example.com").result()).isEqualTo(SpfResult.PASS);
    }
}
