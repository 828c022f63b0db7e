import { useTranslations } from "next-intl";

/** The readable name of an audit action ("certificate.auto_renew.enable"), or the action itself when it has none. */
export function useAuditActionLabel(): (action: string) => string {
  const t = useTranslations("admin.audit");
  return (action) => {
    const key = `actions.${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : action;
  };
}
