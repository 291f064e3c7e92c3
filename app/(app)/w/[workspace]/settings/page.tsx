import { redirect } from "next/navigation";

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  redirect(`/w/${slug}/settings/general`);
}
