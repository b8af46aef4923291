package org.hackablemail.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.james.webadmin.PublicRoutes;
import org.eclipse.jetty.http.HttpStatus;

import spark.Response;
import spark.Service;

/**
 * The owner console: a page in the browser where mailbox owners manage their own plugin, served from the bundle's
 * jar on the webadmin port ({@code /hackable-console/}). Three files, no build step, nothing fetched from elsewhere;
 * the page calls only the guest endpoint, with the owner's push token ({@code docs/console.md}). It is a
 * {@link PublicRoutes}: the files hold no secret, and serving them does not count toward the guest endpoint's rate.
 * Every answer carries {@link BrowserHeaders}.
 */
public class OwnerConsole implements PublicRoutes {
    public static final String BASE_PATH = "/hackable-console";
    private static final String RESOURCES = "/org/hackablemail/console/";

    /** A file of the console and its media type. */
    private record Asset(byte[] content, String type) {
    }

    private final Map<String, Asset> assets = Map.of(
        "index.html", asset("index.html", "text/html; charset=utf-8"),
        "console.js", asset("console.js", "text/javascript; charset=utf-8"),
        "console.css", asset("console.css", "text/css; charset=utf-8"));

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, (request, response) -> {
            BrowserHeaders.apply(response);
            response.redirect(BASE_PATH + "/", HttpStatus.MOVED_PERMANENTLY_301);
            return "";
        });
        service.get(BASE_PATH + "/", (request, response) -> serve("index.html", response));
        service.get(BASE_PATH + "/:file", (request, response) -> serve(request.params("file"), response));
    }

    private Object serve(String name, Response response) {
        BrowserHeaders.apply(response);
        Asset asset = assets.get(name);
        if (asset == null) {
            throw RouteErrors.notFound("The owner console has no file '" + name + "'");
        }
        response.type(asset.type());
        return asset.content();
    }

    private static Asset asset(String name, String type) {
        try (InputStream in = OwnerConsole.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("The bundle's jar lacks the console's " + name);
            }
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the console's " + name + " from the bundle's jar", e);
        }
    }
}
