package org.hackablemail.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.hackablemail.bayes.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamFilterTest {
    @TempDir
    Path workingDirectory;

    @Test
    void shouldKeepWhatItLearntWhenReopened() throws Exception {
        SpamFilter first = SpamFilters.in(workingDirectory);
        first.filter().train(Label.SPAM, SyntheticMail.spam());
        first.close();

        SpamFilter second = SpamFilters.in(workingDirectory);

        assertThat(second.filter().statistics().spamMessages()).isEqualTo(25);
        second.close();
    }

    @Test
    void healthShouldReportWhatWasLearntWhenTheStoreIsReadable() throws Exception {
        SpamFilter filter = SpamFilters.in(workingDirectory);
        filter.filter().train(Label.HAM, SyntheticMail.ham());

        assertThat(filter.health().healthy()).isTrue();
        assertThat(filter.health().detail()).contains("0 spam and 25 ham messages learnt");
        filter.close();
    }

    @Test
    void healthShouldBeUnhealthyWhenTheStoreIsClosed() throws Exception {
        SpamFilter filter = SpamFilters.in(workingDirectory);
        filter.close();

        assertThat(filter.health().healthy()).isFalse();
    }
}
