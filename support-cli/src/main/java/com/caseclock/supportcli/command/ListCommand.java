package com.caseclock.supportcli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list}: search failed sync events, newest failure first. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List failed sync events (clio-connector's dead-letter index), newest failure first, with the "
                + "reason in plain words.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Mixin
    FailureFilter filter;

    @Option(names = "--page", paramLabel = "N", defaultValue = "0",
            description = "Page, from 0 (default ${DEFAULT-VALUE})")
    int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "50",
            description = "Rows per page (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--json", description = "Print the API's JSON answer instead of a table")
    boolean json;

    static final List<Output.Column> COLUMNS = List.of(new Output.Column("ID", "id", false),
            new Output.Column("STATE", "state", false), new Output.Column("LAST FAILURE", "lastFailureAt", false),
            new Output.Column("FIRM", "firmId", true), new Output.Column("USER", "userId", true),
            new Output.Column("ENTRY", "timeEntryId", false), new Output.Column("MATTER", "matterId", false),
            new Output.Column("REASON", "reasonCode", false), new Output.Column("CLIO", "clioStatus", false),
            new Output.Column("ATTEMPTS", "attempts", false), new Output.Column("WHY", "reason", false));

    @Override
    public Integer call() {
        Map<String, Object> query = filter.query();
        query.put("page", page);
        query.put("size", size);
        JsonNode answer = services.connector().get(ConnectorApi.FAILURES, query);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Output.json(out, answer);
            return ExitCodes.OK;
        }
        Output.table(out, answer.path("items"), COLUMNS);
        out.printf("page %d, %d of %s failed event(s)%n", answer.path("page").asInt(page),
                answer.path("items").size(), Output.cell(answer.path("total")));
        out.flush();
        return ExitCodes.OK;
    }
}
