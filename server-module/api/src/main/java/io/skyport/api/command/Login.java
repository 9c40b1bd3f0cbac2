package io.skyport.api.command;

import io.skyport.core.identity.IdentityService;
import io.skyport.plugin.ApiCommand;
import io.skyport.plugin.ApiError;
import io.skyport.plugin.ApiException;
import io.skyport.plugin.ApiOperation;
import io.skyport.plugin.CallContext;
import io.skyport.plugin.Param;

@ApiCommand(name = "login", authenticated = false,
        description = "Logs a user into the CloudStack. A successful login attempt will generate a JSESSIONID cookie "
                + "value that can be passed in subsequent Query command calls until the \"logout\" command has been issued "
                + "or the session has expired.")
public class Login implements ApiOperation {
    @Param(name = "username", required = true, description = "Username")
    private String username;

    @Param(name = "password", required = true, description = "Hashed password (Default is MD5). If you wish to use any "
            + "other hashing algorithm, you would need to write a custom authentication adapter See Docs section.")
    private String password;

    @Param(name = "domain", description = "Path of the domain that the user belongs to. Example: domain=/com/cloud/internal. "
            + "If no domain is passed in, the ROOT (/) domain is assumed.")
    private String domain;

    private final IdentityService identity;

    public Login(IdentityService identity) {
        this.identity = identity;
    }

    /** The login answer; the endpoint also sets the session cookie from it. */
    public record LoginResponse(String timeout, String sessionkey, String username, String userid, String domainid,
                                String type, String account, String firstname, String lastname, String registered,
                                String timezone) {
    }

    @Override
    public Object execute(CallContext ctx) {
        IdentityService.Session s = identity.login(username, password, domain)
                .orElseThrow(() -> new ApiException(ApiError.UNAUTHORIZED,
                        "Failed to authenticate user " + username + "; please provide valid credentials"));
        var p = s.principal();
        return new LoginResponse("1800", s.key(), p.user().username(), p.user().uuid(), p.domain().uuid(),
                switch (p.account().role()) {
                    case USER -> "USER";
                    case ADMIN -> "ADMIN";
                    case DOMAIN_ADMIN -> "DOMAIN_ADMIN";
                },
                p.account().name(), p.user().firstname(), p.user().lastname(), "false", p.user().timezone());
    }
}
