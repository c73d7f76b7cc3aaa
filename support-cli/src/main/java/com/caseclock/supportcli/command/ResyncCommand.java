package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code resync}: ask the connector for a full re-sync of a firm's matters, clients and rates from Clio. */
@Command(name = "resync", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Force a full re-sync of a firm's matters, clients and rates from Clio (optionally including "
                + "closed matters). Returns at once; the connector works through it in the background.")
public final class ResyncCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Option(names = "--firm", required = true, paramLabel = "FIRM", description = "The firm to re-sync")
    String firm;

    @Option(names = "--include-closed", description = "Also re-sync closed matters")
    boolean includeClosed;

    @Option(names = "--json", description = "Print the API's JSON answer")
    boolean json;

    @Override
    public Integer call() {
        JsonNode answer = services.connector().post(ConnectorApi.resync(PathSegment.of(firm)),
                Map.of("includeClosedMatters", includeClosed));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, answer);
        } else {
            out.printf("Full re-sync of %s requested%s: command %s, by %s at %s%n", firm,
                    includeClosed ? " (closed matters included)" : "", Output.cell(answer.path("commandEventId")),
                    Output.cell(answer.path("requestedBy")), Output.cell(answer.path("requestedAt")));
            out.flush();
        }
        return ExitCodes.OK;
    }
}
