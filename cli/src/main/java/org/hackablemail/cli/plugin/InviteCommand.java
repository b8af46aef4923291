package org.hackablemail.cli.plugin;

import picocli.CommandLine.Command;

/** {@code hackmail invite}: what to do with the invite code mailed for '/hackablemail signup'. */
@Command(name = "invite",
    mixinStandardHelpOptions = true,
    description = {"Mail '/hackablemail signup' to your server's IT address for an invite code, then redeem it here."},
    subcommands = {InviteRedeemCommand.class})
public class InviteCommand {
}
