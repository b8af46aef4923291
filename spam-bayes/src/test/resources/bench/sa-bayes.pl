#!/usr/bin/perl
# SpamAssassin's Bayes classifier alone, for the benchmark: "learn spam|ham DBDIR" or "score DBDIR", file names on stdin;
# "score" prints one Bayes probability per line.
use strict;
use warnings;
use Mail::SpamAssassin;

my ($mode, $kind, $db) = @ARGV == 3 ? @ARGV : ($ARGV[0], '', $ARGV[1]);
die "usage: sa-bayes.pl learn spam|ham DBDIR | score DBDIR\n" unless $db;
my $rules = "$db/rules";
mkdir $db;
mkdir $rules;
my $sa = Mail::SpamAssassin->new({
    rules_filename => $rules,
    site_rules_filename => $rules,
    userprefs_filename => "$db/user_prefs",
    userstate_dir => $db,
    local_tests_only => 1,
    dont_copy_prefs => 1,
    post_config_text => join("\n",
        "loadplugin Mail::SpamAssassin::Plugin::Check",
        "loadplugin Mail::SpamAssassin::Plugin::Bayes",
        "use_bayes 1", "use_bayes_rules 1", "bayes_auto_learn 0", "bayes_path $db/bayes",
        "bayes_min_ham_num 1", "bayes_min_spam_num 1",
        "body BAYES_00 eval:check_bayes('0.00', '0.01')", ""),
});
$sa->init(1);
$sa->init_learner({ caller_will_untie => 1 }) if $mode eq 'learn';
$| = 1;
while (my $file = <STDIN>) {
    chomp $file;
    open(my $in, '<:raw', $file) or die "$file: $!";
    my $text = do { local $/; <$in> };
    close $in;
    my $mail = $sa->parse($text);
    if ($mode eq 'learn') {
        $sa->learn($mail, undef, $kind eq 'spam' ? 1 : 0, 0);
    } else {
        my $status = $sa->check($mail);
        my $bayes = $status->{bayes_score};
        print((defined $bayes && $bayes ne '' ? $bayes : '0.5'), "\n");
        $status->finish;
    }
    $mail->finish;
}
if ($mode eq 'learn') {
    $sa->rebuild_learner_caches();
    $sa->finish_learner();
}
