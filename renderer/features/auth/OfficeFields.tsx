import { Form, Input } from 'antd';
import { useT } from '../../i18n';

/** 建立本街道: name, 12-digit code, city and district, under `office` in the setup form. */
export function OfficeFields() {
  const t = useT();
  const required = [{ required: true, whitespace: true, message: t('setup.office.required') }];
  return (
    <fieldset className="gd-setup-office" data-testid="setup-office">
      <legend>{t('setup.office.title')}</legend>
      <Form.Item label={t('setup.office.name')} name={['office', 'name']} rules={required}>
        <Input placeholder={t('setup.office.namePlaceholder')} data-testid="setup-office-name" />
      </Form.Item>
      <Form.Item label={t('setup.office.code')} name={['office', 'code']} rules={[...required, { pattern: /^\d{12}$/, message: t('setup.office.codeRule') }]}>
        <Input inputMode="numeric" maxLength={12} data-testid="setup-office-code" />
      </Form.Item>
      <div className="gd-setup-office-row">
        <Form.Item label={t('setup.office.city')} name={['office', 'city']} rules={required}>
          <Input data-testid="setup-office-city" />
        </Form.Item>
        <Form.Item label={t('setup.office.district')} name={['office', 'district']} rules={required}>
          <Input data-testid="setup-office-district" />
        </Form.Item>
      </div>
    </fieldset>
  );
}
