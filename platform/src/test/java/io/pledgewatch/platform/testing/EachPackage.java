package io.pledgewatch.platform.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * For the services' package-direction tests (ArchUnit): every package under {@code root}, the root itself and
 * sub-packages included, as a slice of its own, so that a cycle through any of them is seen; classes outside are
 * ignored. ({@code slices().matching("root.(*)..")} would fold sub-packages into their parent and leave the root out.)
 */
public final class EachPackage {

    private EachPackage() {
    }

    public static SliceAssignment of(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each package of " + root + ", the root included";
            }
        };
    }
}
