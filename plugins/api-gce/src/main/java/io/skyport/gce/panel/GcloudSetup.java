package io.skyport.gce.panel;

/**
 * The gcloud commands that point the CLI at this server, shown by the panel and written at first
 * start. The project is set before the account: with an account set, gcloud checks the project
 * with Cloud Resource Manager, which this server does not serve.
 */
final class GcloudSetup {
    private GcloudSetup() {
    }

    static String commands(String computeUrl, String tokenUrl, String project, String zone, String keyFile) {
        return String.join("\n",
                "gcloud config configurations create skyport",
                "gcloud config set api_endpoint_overrides/compute " + computeUrl,
                "gcloud config set auth/token_host " + tokenUrl,
                "gcloud config set core/check_gce_metadata false",
                "gcloud config set core/disable_usage_reporting true",
                "gcloud config set component_manager/disable_update_check true",
                "gcloud config set project " + project,
                "gcloud auth activate-service-account --key-file " + keyFile,
                "gcloud config set compute/zone " + zone,
                "");
    }
}
