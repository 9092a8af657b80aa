package id.cakupan.cli;

import id.cakupan.app.Accounts;
import id.cakupan.app.Cakupan;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.auth.Tokens;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code token create|list|revoke}: the bearer tokens of SPEC §6, in the store the server uses. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens (roles admin, importer, camat, sudin, branch). A token is shown"
        + " once, when created, and stored only as a SHA-256 hash.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Callable<Integer> {
  /** Exit code for a request the command refuses (bad role or kecamatan, unknown token). */
  static final int REFUSED = 2;

  @Override
  public Integer call() {
    System.err.println("cakupan token: name a subcommand: create, list or revoke (see 'cakupan token --help')");
    return REFUSED;
  }

  private static Accounts accounts(Store store, Config config) throws java.io.IOException {
    return new Accounts(store, Cakupan.gazetteer(config), Clock.systemUTC());
  }

  private static String where(Store store) {
    return store instanceof EmbeddedStore e ? "embedded store " + e.directory().toAbsolutePath().normalize()
        : store instanceof PostgisStore p ? "PostGIS " + p.url().describe() : store.kind();
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print it once, on the last line of the output.")
  static final class Create implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "admin, importer, camat (needs --kecamatan), sudin or branch")
    String role;

    @Option(names = "--kecamatan", paramLabel = "CODE", description = "The camat's kecamatan, e.g. 31.72.03")
    String kecamatan;

    @Option(names = "--name", required = true, paramLabel = "NAME",
        description = "Who holds the token, e.g. \"Camat Koja\"; written into the audit log")
    String name;

    @Override
    public Integer call() throws Exception {
      Role parsed;
      try {
        parsed = Role.parse(role);
      } catch (IllegalArgumentException e) {
        System.err.println("cakupan token create: " + e.getMessage());
        return REFUSED;
      }
      Config config = options.toConfig();
      try (Store store = Cakupan.openStore(config)) {
        Accounts accounts = accounts(store, config);
        Tokens.Issued issued;
        try {
          issued = accounts.create(name, parsed, kecamatan, Principal.operator(ImportFiles.user()));
        } catch (IllegalArgumentException e) {
          System.err.println("cakupan token create: " + e.getMessage());
          return REFUSED;
        }
        ApiToken t = issued.token();
        System.out.println("created token " + t.id() + " for " + Principal.of(t).describe() + " in the " + where(store));
        System.out.println("it is shown only now; keep it secret (revoke it with: cakupan token revoke " + t.id() + ")");
        System.out.println(issued.secret());
        return 0;
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List tokens: id, role, kecamatan, created, revoked, name (never the token or its hash).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() throws Exception {
      Config config = options.toConfig();
      try (Store store = Cakupan.openStore(config)) {
        List<ApiToken> tokens = accounts(store, config).list();
        String format = "%-8s  %-8s  %-9s  %-20s  %-20s  %s%n";
        System.out.printf(format, "id", "role", "kecamatan", "created", "revoked", "name");
        for (ApiToken t : tokens) {
          System.out.printf(format, t.id(), t.role().key(), t.kecamatan() == null ? "-" : t.kecamatan(),
              seconds(t.created()), t.revoked() == null ? "-" : seconds(t.revoked()), t.name());
        }
        if (tokens.isEmpty()) System.err.println("no tokens in the " + where(store));
        return 0;
      }
    }

    private static String seconds(java.time.Instant at) {
      return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a token: it stops working at once, also in a running server.")
  static final class Revoke implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The token's id, as 'token list' shows it")
    String id;

    @Override
    public Integer call() throws Exception {
      Config config = options.toConfig();
      try (Store store = Cakupan.openStore(config)) {
        Accounts accounts = accounts(store, config);
        Optional<ApiToken> revoked = accounts.revoke(id.strip(), Principal.operator(ImportFiles.user()));
        if (revoked.isEmpty()) {
          boolean known = accounts.list().stream().anyMatch(t -> t.id().equals(id.strip()));
          System.err.println("cakupan token revoke: " + (known ? "token " + id + " is already revoked"
              : "no token with id " + id + " in the " + where(store) + " (see 'cakupan token list')"));
          return REFUSED;
        }
        System.out.println("revoked token " + revoked.get().id() + " (" + Principal.of(revoked.get()).describe() + ")");
        return 0;
      }
    }
  }
}
