package org.linyunzhi.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a user-agent string into "browser version / system" for the login log. Order matters: Edge and
 * WeChat also say Chrome, Chrome also says Safari.
 */
final class BrowserSummary {

    private static final String[][] BROWSERS = {
            {"MicroMessenger/([\\d.]+)", "WeChat"},
            {"DingTalk/([\\d.]+)", "DingTalk"},
            {"Edg[A-Za-z]*/([\\d.]+)", "Edge"},
            {"Firefox/([\\d.]+)", "Firefox"},
            {"(?:Chrome|CriOS)/([\\d.]+)", "Chrome"},
            {"Version/([\\d.]+).*Safari/", "Safari"},
            {"curl/([\\d.]+)", "curl"},
    };
    private static final String[][] SYSTEMS = {
            {"HarmonyOS", "HarmonyOS"}, {"Android", "Android"}, {"iPhone|iPad|iOS", "iOS"},
            {"Windows", "Windows"}, {"Mac OS X|Macintosh", "macOS"}, {"Linux", "Linux"},
    };

    private BrowserSummary() {
    }

    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        String browser = "";
        for (String[] b : BROWSERS) {
            Matcher m = Pattern.compile(b[0]).matcher(userAgent);
            if (m.find()) {
                String version = m.group(1);
                int dot = version.indexOf('.');
                browser = b[1] + " " + (dot > 0 ? version.substring(0, dot) : version);
                break;
            }
        }
        String system = "";
        for (String[] s : SYSTEMS) {
            if (Pattern.compile(s[0]).matcher(userAgent).find()) {
                system = s[1];
                break;
            }
        }
        String summary = browser.isEmpty() && system.isEmpty() ? userAgent : (browser + " / " + system).strip();
        summary = summary.replaceAll("^/ | /$", "").strip();
        return summary.length() > 128 ? summary.substring(0, 128) : summary;
    }
}
