package io.skyport.gce.method.image;

/**
 * Google's public image projects ({@code debian-cloud}, {@code ubuntu-os-cloud}…): clients ask
 * them for images by habit. Nothing of theirs exists here, so they answer empty, not forbidden.
 */
public final class PublicImageProjects {
    private PublicImageProjects() {
    }

    public static boolean is(String project) {
        return project != null && project.endsWith("-cloud");
    }
}
