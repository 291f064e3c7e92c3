import { NotFoundNotice } from "@/components/ui/not-found-notice";

/** An app id that is not one of the viewer's (or no longer exists), inside the developer pages' frame. */
export default function DeveloperNotFound() {
  return <NotFoundNotice back={{ href: "/developers/apps", label: "Back to Developer apps" }} />;
}
